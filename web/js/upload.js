// A recording upload with progress: XMLHttpRequest, because fetch reports no upload progress. The server
// streams the file to disk and checks it; a refusal comes back as the one error shape, kept as an ApiError.
import { ApiError } from './api.js';
import { t } from './i18n.js';

/** The server's limit (MediaService.MAX_MEDIA_BYTES): checked here first, so 600 MB are not sent to be refused. */
export const MAX_RECORDING_BYTES = 500 * 1024 * 1024;

/** Sends the file as multipart field "file"; onProgress(sent, total). Resolves with the stored recording, rejects with the server's error (an ApiError, shown through errorText). */
export function uploadRecording(transcriptId, file, onProgress) {
  return uploadTo('POST', `/api/transcripts/${transcriptId}/media`, file, onProgress);
}

/** The same upload to another route (a new transcript from a recording: POST /api/projects/{id}/recordings). */
export function uploadTo(method, path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'text';
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size));
    // A small file may be sent before any progress event: its end is progress too.
    xhr.upload.addEventListener('load', () => onProgress(file.size, file.size));
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { body = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(ApiError.of(xhr.status, body, `HTTP ${xhr.status}`));
    });
    xhr.addEventListener('error', () => reject(new Error(t('tr.connectionLost'))));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
