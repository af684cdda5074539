package org.debtledger.query.personal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the agency knows about a debtor as a person. Never in an event: events carry only the debtor id.
 * Each field is optional; given, it is 1 to 200 characters.
 */
@Schema(example = """
        {"name": "Maija Meikäläinen", "address": "Esimerkkikatu 1, Helsinki"}""")
public record PersonalData(String name, String address, String nationalId, String email, String phone) {

    public PersonalData {
        check(name, "name");
        check(address, "address");
        check(nationalId, "nationalId");
        check(email, "email");
        check(phone, "phone");
        if (name == null && address == null && nationalId == null && email == null && phone == null) {
            throw new IllegalArgumentException("personal data needs at least one field");
        }
    }

    private static void check(String value, String field) {
        if (value != null && (value.isBlank() || value.length() > 200)) {
            throw new IllegalArgumentException(field + " must be 1 to 200 characters");
        }
    }
}
