package nl.samenspraak.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Browser} parameter that {@link BrowserExtension} resolves: a browser of the class whose preferred
 * language is this one (e.g. {@code nl}), beside the class's own in {@link BrowserOptions#language()}; one per
 * language, started at the first use, closed after the class, its console checked like the other's.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface InLanguage {
    String value();
}
