package org.antifraud.security.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.antifraud.agency.Role;
import org.antifraud.common.ProblemResponses;
import org.antifraud.portal.PortalRoutes;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * What every authentication mode shares: the rules of the API chain and of the web chain
 * (the portal's shell public, Camunda's webapps and engine REST for ADMIN only), the CSRF
 * cookie, problem answers for 401/403, and the single sign-on into Camunda's webapps. A
 * mode adds only how a caller proves who they are.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityCommon {

	static final String ADMIN = Role.ADMIN.name();

	/**
	 * Hashes local passwords; also checks, in every mode, that no demo password is left.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	ProblemAuthenticationHandlers problemAuthenticationHandlers(ProblemResponses problems, ObjectMapper json,
			LocaleResolver locales) {
		return new ProblemAuthenticationHandlers(problems, json, locales);
	}

	/**
	 * The REST API and Camunda's engine REST: {@code /api/session} open, engine REST for
	 * ADMIN, the rest for any signed-in caller; 401 and 403 as problems; the CSRF token
	 * in a cookie the portal echoes, not needed by callers that send an Authorization
	 * header (they carry no ambient credential).
	 */
	static HttpSecurity api(HttpSecurity http, ProblemAuthenticationHandlers handlers) throws Exception {
		return http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers(path("/engine-rest/**"))
				.hasRole(ADMIN)
				.requestMatchers(path("/api/session"))
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.csrf((csrf) -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.ignoringRequestMatchers((request) -> request.getHeader("Authorization") != null));
	}

	/**
	 * The portal's shell (its data is all behind {@code /api}), Camunda's webapps (ADMIN
	 * only) and public operational endpoints. A page that needs a login sends the browser
	 * to the mode's login, with the page to come back to.
	 * @param login the login address for a page, given the page's path and query
	 */
	static HttpSecurity web(HttpSecurity http, Function<String, String> login) throws Exception {
		AuthenticationEntryPoint toLogin = (request, response, ex) -> {
			String back = request.getRequestURI().substring(request.getContextPath().length())
					+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
			response.sendRedirect(request.getContextPath() + login.apply(back));
		};
		return http
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(path("/actuator/health/**"), path("/actuator/info"), path("/v3/api-docs/**"),
						path("/swagger-ui/**"), path("/swagger-ui.html"), path("/error"), path("/verify/**"))
				.permitAll()
				.requestMatchers(PortalRoutes.SHELL.stream().map(SecurityCommon::path).toArray(RequestMatcher[]::new))
				.permitAll()
				.requestMatchers(path("/camunda/**"), path("/actuator/**"))
				.hasRole(ADMIN)
				.anyRequest()
				.authenticated())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(toLogin))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(path("/camunda/**")));
	}

	/** The portal's login page, coming back to a page after it. */
	static String portalLogin(String back) {
		return "/login?redirect=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
	}

	/**
	 * Matches the whole path within the application, whichever servlet serves it:
	 * Camunda's webapps and engine REST are not behind Spring MVC's DispatcherServlet, so
	 * MVC-based matchers would miss them.
	 */
	static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	/**
	 * Signs the Spring Security user into Camunda's webapps, so there is one login; the
	 * chains have already refused everyone but ADMIN.
	 */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.addInitParameter("authentication-provider", CamundaWebappAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

}
