package org.antifraud.security.internal;

import org.antifraud.agency.UserDirectory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Local authentication mode: users and password hashes in the database; HTTP Basic or the
 * portal's session for {@code /api/**}, the portal's own login page for everything else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "antifraud.security.mode", havingValue = "local", matchIfMissing = true)
class SecurityConfiguration {

	@Bean
	UserDetailsService userDetailsService(UserDirectory users) {
		return new LocalUserDetailsService(users);
	}

	/**
	 * The password check behind Basic and the portal's login ({@code POST /api/session}).
	 */
	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		return new ProviderManager(provider);
	}

	/** Stateless callers use Basic, the portal its session. */
	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ProblemAuthenticationHandlers handlers) throws Exception {
		return SecurityCommon.api(http, handlers)
			.httpBasic((basic) -> basic.authenticationEntryPoint(handlers))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http) throws Exception {
		return SecurityCommon.web(http, SecurityCommon::portalLogin)
			.httpBasic(Customizer.withDefaults())
			.logout(Customizer.withDefaults())
			.build();
	}

}
