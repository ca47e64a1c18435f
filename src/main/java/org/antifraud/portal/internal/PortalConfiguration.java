package org.antifraud.portal.internal;

import java.time.Duration;

import org.antifraud.portal.PortalRoutes;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Answers a reload or a bookmark of any client route with the portal's shell (the router
 * then shows the page); the shell is never cached, its hashed assets for a year.
 */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration implements WebMvcConfigurer {

	private static final String SHELL = "forward:/index.html";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		PortalRoutes.CLIENT.forEach((route) -> registry.addViewController(route).setViewName(SHELL));
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/static/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		// not content-hashed: a new release must reach every browser at once
		registry.addResourceHandler("/index.html", "/early.js")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.noCache());
	}

}
