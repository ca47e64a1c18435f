package org.antifraud.security.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.common.ApiException;
import org.antifraud.security.Actor;
import org.antifraud.security.CurrentActor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's session: who is signed in (and the CSRF cookie the portal echoes), a
 * password login in local mode that keeps the session on the server, and logout. No token
 * ever reaches the browser's storage.
 */
@RestController
@RequestMapping("/api/session")
class SessionController {

	private final CurrentActor actors;

	private final AgencyDirectory agencies;

	private final ObjectProvider<AuthenticationManager> authentication;

	private final ObjectProvider<SingleSignOn> signOn;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SessionController(CurrentActor actors, AgencyDirectory agencies,
			ObjectProvider<AuthenticationManager> authentication, ObjectProvider<SingleSignOn> signOn) {
		this.actors = actors;
		this.agencies = agencies;
		this.authentication = authentication;
		this.signOn = signOn;
	}

	/**
	 * The signed-in user, or {@code authenticated: false}; touching the CSRF token sets
	 * its cookie for the portal's first write.
	 */
	@GetMapping
	SessionView current(CsrfToken csrf) {
		csrf.getToken();
		return this.actors.find().map(this::view).orElseGet(this::anonymous);
	}

	@PostMapping
	SessionView login(@Valid @RequestBody LoginRequest login, HttpServletRequest request,
			HttpServletResponse response) {
		AuthenticationManager manager = this.authentication.getIfAvailable();
		if (manager == null) {
			throw new ApiException(HttpStatus.NOT_FOUND, "session.passwordLoginOff");
		}
		Authentication authenticated;
		try {
			authenticated = manager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(login.username(), login.password()));
		}
		catch (AuthenticationException ex) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, "session.badCredentials");
		}
		// a new session id on every login: a planted session cannot be taken over
		request.getSession(true);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authenticated);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return this.actors.find().map(this::view).orElseThrow();
	}

	/**
	 * Ends the session here; with single sign-on, also names the address that ends the
	 * identity provider's session, for the browser to go to.
	 */
	@DeleteMapping
	LogoutView logout(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		SingleSignOn sso = this.signOn.getIfAvailable();
		String elsewhere = (sso != null) ? sso.logoutUrl(current, request).orElse(null) : null;
		new SecurityContextLogoutHandler().logout(request, response, current);
		return new LogoutView(elsewhere);
	}

	private SessionView view(Actor actor) {
		return new SessionView(true, actor.username(), actor.displayName(), actor.agencyCode(),
				this.agencies.name(actor.agencyCode()), actor.roles().stream().map(Enum::name).sorted().toList(),
				loginUrl());
	}

	private SessionView anonymous() {
		return new SessionView(false, null, null, null, null, List.of(), loginUrl());
	}

	private String loginUrl() {
		SingleSignOn sso = this.signOn.getIfAvailable();
		return (sso != null) ? sso.loginUrl() : null;
	}

	record LoginRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {
	}

	/**
	 * Who is signed in; {@code loginUrl} is set when the login is an identity provider's
	 * (the portal sends the browser there instead of asking for a password).
	 */
	record SessionView(boolean authenticated, String username, String displayName, String agencyCode, String agencyName,
			List<String> roles, String loginUrl) {
	}

	/**
	 * {@code logoutUrl}: where the browser ends the identity provider's session, if any.
	 */
	record LogoutView(String logoutUrl) {
	}

}
