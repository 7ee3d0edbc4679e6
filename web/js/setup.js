// set-up page (placeholder)
