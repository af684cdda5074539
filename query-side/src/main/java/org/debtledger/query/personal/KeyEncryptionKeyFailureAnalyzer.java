package org.debtledger.query.personal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for the KEK's sake says what is wrong and what to do, instead of ending a stack trace. */
public class KeyEncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<KeyEncryptionKeyUnusable> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeyEncryptionKeyUnusable cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
