package org.debtledger.query.personal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** The ledger's own KEK, unless another {@link DebtorKeyWrapping} (a key management service's) is configured. */
@Configuration(proxyBeanMethods = false)
class KeyWrappingConfiguration {

    @Bean
    @ConditionalOnMissingBean(DebtorKeyWrapping.class)
    DebtorKeyWrapping localKeyEncryptionKey(@Value("${ledger.security.key-encryption-key.value:}") String value,
                                            @Value("${ledger.security.key-encryption-key.file:}") String file,
                                            @Value("${ledger.security.key-encryption-key.generate:false}") boolean generate) {
        return new LocalKeyEncryptionKey(KeyEncryptionKeySource.load(value, file.isBlank() ? null : Path.of(file),
                generate));
    }
}
