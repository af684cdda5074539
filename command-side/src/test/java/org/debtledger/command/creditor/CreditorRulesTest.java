package org.debtledger.command.creditor;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.debtledger.creditor.AgreeCreditorContract;
import org.debtledger.creditor.CreditorContractAgreed;
import org.debtledger.creditor.CreditorDetailsChanged;
import org.debtledger.creditor.CreditorRegistered;
import org.debtledger.creditor.Iban;
import org.debtledger.creditor.RegisterCreditor;
import org.debtledger.debt.CreditorId;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

/** The creditor's rules: each refusal names its rule and writes nothing. */
class CreditorRulesTest {

    private static final CreditorId ACME = new CreditorId("acme-telecom");
    private static final String ACCOUNT = "FI21 1234 5600 0007 85";
    private static final LocalDate DAY = LocalDate.parse("2025-01-02");

    private static AggregateTestFixture<Creditor> fixture() {
        return new AggregateTestFixture<>(Creditor.class);
    }

    private static CreditorRegistered registered() {
        return new CreditorRegistered(ACME, "Acme Telecom Oy", Iban.parse(ACCOUNT), DAY);
    }

    private static CreditorContractAgreed agreed(String effectiveFrom, int interestShare, int commission) {
        return new CreditorContractAgreed(ACME, LocalDate.parse(effectiveFrom), interestShare, commission, DAY);
    }

    private static AgreeCreditorContract agree(String effectiveFrom, int interestShare, int commission) {
        return new AgreeCreditorContract(ACME, LocalDate.parse(effectiveFrom), interestShare, commission, DAY);
    }

    static Matcher<Throwable> violates(CreditorRule rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable throwable) {
                return throwable instanceof CreditorRefused refused && refused.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal by rule " + rule);
            }
        };
    }

    @Test
    void aCreditorIsRegisteredWithItsAccountInTheElectronicForm() {
        fixture().givenNoPriorActivity()
                .when(new RegisterCreditor(ACME, "Acme Telecom Oy", "fi21 1234 5600 0007 85", DAY))
                .expectEvents(registered());
    }

    @Test
    void theSameDetailsSentAgainChangeNothing() {
        fixture().given(registered())
                .when(new RegisterCreditor(ACME, "Acme Telecom Oy", "FI2112345600000785", DAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNewAccountIsRecordedAsAChangeOfDetails() {
        fixture().given(registered())
                .when(new RegisterCreditor(ACME, "Acme Telecom Oy", "DE89 3704 0044 0532 0130 00", DAY))
                .expectEvents(new CreditorDetailsChanged(ACME, "Acme Telecom Oy",
                        Iban.parse("DE89370400440532013000"), DAY));
    }

    @Test
    void anAccountWhoseCheckDigitsFailIsRefused() {
        fixture().givenNoPriorActivity()
                .when(new RegisterCreditor(ACME, "Acme Telecom Oy", "FI21 1234 5600 0007 86", DAY))
                .expectException(violates(CreditorRule.REMITTANCE_ACCOUNT_NOT_AN_IBAN))
                .expectNoEvents();
    }

    @Test
    void aChangeToAnAccountThatIsNoIbanIsRefused() {
        fixture().given(registered())
                .when(new RegisterCreditor(ACME, "Acme Telecom Oy", "12345678", DAY))
                .expectException(violates(CreditorRule.REMITTANCE_ACCOUNT_NOT_AN_IBAN))
                .expectNoEvents();
    }

    @Test
    void aContractIsRecordedFromItsDate() {
        fixture().given(registered())
                .when(agree("2025-03-01", 3500, 250))
                .expectEvents(agreed("2025-03-01", 3500, 250));
    }

    @Test
    void aContractWithAnUnknownCreditorIsRefused() {
        fixture().givenNoPriorActivity()
                .when(agree("2025-03-01", 3500, 0))
                .expectException(violates(CreditorRule.CREDITOR_UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void anInterestShareAboveAHundredPercentIsRefused() {
        fixture().given(registered())
                .when(agree("2025-03-01", 10_001, 0))
                .expectException(violates(CreditorRule.CONTRACT_SHARE_OUT_OF_RANGE))
                .expectNoEvents();
    }

    @Test
    void aNegativeCommissionIsRefused() {
        fixture().given(registered())
                .when(agree("2025-03-01", 3500, -1))
                .expectException(violates(CreditorRule.CONTRACT_SHARE_OUT_OF_RANGE))
                .expectNoEvents();
    }

    @Test
    void aWholeShareIsAllowed() {
        fixture().given(registered())
                .when(agree("2025-03-01", 10_000, 10_000))
                .expectEvents(agreed("2025-03-01", 10_000, 10_000));
    }

    @Test
    void aContractDatedBeforeTheLatestIsRefused() {
        fixture().given(registered(), agreed("2025-03-01", 3500, 0))
                .when(agree("2025-02-01", 3000, 0))
                .expectException(violates(CreditorRule.CONTRACT_NOT_AFTER_LATEST))
                .expectNoEvents();
    }

    @Test
    void aSecondContractOnTheSameDayIsRefused() {
        fixture().given(registered(), agreed("2025-03-01", 3500, 0))
                .when(agree("2025-03-01", 3000, 0))
                .expectException(violates(CreditorRule.CONTRACT_NOT_AFTER_LATEST))
                .expectNoEvents();
    }

    @Test
    void aLaterContractFollowsTheEarlierOne() {
        fixture().given(registered(), agreed("2025-03-01", 3500, 0))
                .when(agree("2025-07-01", 3000, 100))
                .expectEvents(agreed("2025-07-01", 3000, 100));
    }
}
