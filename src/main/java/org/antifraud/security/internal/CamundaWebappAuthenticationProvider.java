package org.antifraud.security.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.antifraud.agency.Role;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the signed-in ADMIN to Camunda's webapps as a member of {@code camunda-admin}.
 */
public class CamundaWebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean admin = authentication != null && authentication.isAuthenticated()
				&& authentication.getAuthorities()
					.stream()
					.anyMatch((authority) -> Role.ADMIN.authority().equals(authority.getAuthority()));
		if (!admin) {
			return AuthenticationResult.unsuccessful();
		}
		AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
		result.setGroups(List.of(Groups.CAMUNDA_ADMIN));
		return result;
	}

}
