package org.antifraud.portal;

import java.util.List;
import java.util.stream.Stream;

/**
 * The paths the portal's router owns. The server answers each with the portal's shell,
 * which anyone may load: everything it shows comes from {@code /api}, behind the login.
 */
public final class PortalRoutes {

	/** Client routes, as path patterns. */
	public static final List<String> CLIENT = List.of("/login", "/inbox/**", "/tasks/**", "/start/**", "/cases/**",
			"/search", "/supervision/**", "/notifications", "/admin/**");

	/** The shell and its assets, plus the client routes. */
	public static final List<String> SHELL = Stream
		.concat(Stream.of("/", "/index.html", "/early.js", "/assets/**", "/favicon.svg"), CLIENT.stream())
		.toList();

	private PortalRoutes() {
	}

}
