package org.debtledger.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * The portal's sign-in at the identity provider while it is under way, kept under a session attribute of its own
 * (Spring's store has one name for every chain), so one started on the console is never finished on the portal nor
 * the reverse. It is taken back only by the answer that carries its state.
 */
final class PortalAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String ATTRIBUTE = "DEBT_LEDGER_PORTAL_AUTHORIZATION_REQUEST";

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        HttpSession session = request.getSession(false);
        if (state == null || session == null
                || !(session.getAttribute(ATTRIBUTE) instanceof OAuth2AuthorizationRequest pending)) {
            return null;
        }
        return state.equals(pending.getState()) ? pending : null;
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorizationRequest == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        request.getSession().setAttribute(ATTRIBUTE, authorizationRequest);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
                                                                 HttpServletResponse response) {
        OAuth2AuthorizationRequest pending = loadAuthorizationRequest(request);
        if (pending != null) {
            request.getSession().removeAttribute(ATTRIBUTE);
        }
        return pending;
    }
}
