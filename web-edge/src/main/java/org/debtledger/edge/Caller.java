package org.debtledger.edge;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is asking: the authenticated id, the roles, for a creditor the creditor id whose data it may see, and for a
 * debtor the debtor references that are theirs. Local users and tokens from the identity provider both arrive as
 * authorities ({@code ROLE_ADVISOR}, {@code creditor:acme-telecom}, {@code debtor:d-1001}), so everything downstream
 * reads them one way.
 */
public record Caller(String id, Set<Role> roles, String creditorId, Set<String> debtorIds) {

    static final String CREDITOR_PREFIX = "creditor:";
    public static final String DEBTOR_PREFIX = "debtor:";

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated caller");
        }
        return from(authentication);
    }

    static Caller from(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String creditorId = null;
        Set<String> debtorIds = new TreeSet<>();
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority == null) {
                continue;
            }
            for (Role role : Role.values()) {
                if (role.authority().equals(authority)) {
                    roles.add(role);
                }
            }
            if (authority.startsWith(CREDITOR_PREFIX)) {
                creditorId = authority.substring(CREDITOR_PREFIX.length());
            }
            if (authority.startsWith(DEBTOR_PREFIX)) {
                debtorIds.add(authority.substring(DEBTOR_PREFIX.length()));
            }
        }
        return new Caller(authentication.getName(), Set.copyOf(roles), creditorId, Set.copyOf(debtorIds));
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /**
     * True when the caller may see only one creditor's data: a creditor that holds no role that reads all.
     */
    public boolean seesOnlyOwnCreditor() {
        return is(Role.CREDITOR) && !is(Role.ADVISOR) && !is(Role.COMPLIANCE);
    }

    /** Whether a debt of {@code debtCreditorId} is this caller's to see. */
    public boolean maySee(String debtCreditorId) {
        return !seesOnlyOwnCreditor() || (creditorId != null && creditorId.equals(debtCreditorId));
    }

    /**
     * Whether the debtor {@code debtorId} is this caller themselves: a person signed in as a debtor may see and act
     * on their own debts only.
     */
    public boolean isDebtor(String debtorId) {
        return is(Role.DEBTOR) && debtorId != null && debtorIds.contains(debtorId);
    }

    /** The role the caller acts in on an endpoint that allows {@code allowed}: its first of them. */
    public Role actingAs(Role... allowed) {
        for (Role role : allowed) {
            if (is(role)) {
                return role;
            }
        }
        throw new IllegalStateException(id + " holds none of the roles the endpoint allows");
    }
}
