package org.debtledger.portal;

import org.debtledger.client.LedgerApi;
import org.debtledger.edge.LedgerSecurity;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.nio.charset.StandardCharsets;

/** The portal's pages, their words in three languages and their security, for a process that serves them. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import({LedgerSecurity.class, LedgerApi.class})
public class PortalConfiguration implements WebMvcConfigurer {

    /** The portal's words: {@code portal/messages_fi}, {@code _sv} and {@code _en}, in UTF-8. */
    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasename("classpath:portal/messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Language.FALLBACK.locale());
        // a word in a message is never a pattern unless it has arguments, so an apostrophe reads as one
        messages.setAlwaysUseMessageFormat(false);
        return messages;
    }

    /** The language the person chose on a page, kept in the session; until then their browser's, if we speak it. */
    @Bean
    LocaleResolver localeResolver() {
        return Language.resolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor switcher = new LocaleChangeInterceptor();
        switcher.setParamName(Language.PARAMETER);
        switcher.setIgnoreInvalidLocale(true);
        registry.addInterceptor(switcher).addPathPatterns("/", "/portal", "/portal/**");
    }

    /** Its style sheets and font, only under /portal/assets/ (the console keeps the static path pattern for its own). */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/portal/assets/**").addResourceLocations("classpath:/static/portal/assets/");
    }
}
