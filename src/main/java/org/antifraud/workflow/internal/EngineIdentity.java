package org.antifraud.workflow.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.antifraud.security.CurrentActor;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tells the engine who acts for the length of each API request, so a process started by a
 * user records them as its starter (the portal's 我发起的) and their comments carry their
 * name, whichever module started it.
 */
@Configuration(proxyBeanMethods = false)
class EngineIdentity implements WebMvcConfigurer, HandlerInterceptor {

	private final IdentityService identity;

	private final CurrentActor actors;

	EngineIdentity(IdentityService identity, CurrentActor actors) {
		this.identity = identity;
		this.actors = actors;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		this.actors.find().ifPresent((actor) -> this.identity.setAuthenticatedUserId(actor.username()));
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		this.identity.clearAuthentication();
	}

}
