package org.antifraud.security.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's way into single sign-on: a page behind the login, so the browser goes to
 * Keycloak and, signed in, comes back here and on to the portal page it asked for (a path
 * of this application only).
 */
@Controller
@ConditionalOnProperty(name = "antifraud.security.mode", havingValue = "keycloak")
class SsoController {

	@GetMapping("/sso")
	String signedIn(@RequestParam(defaultValue = "/inbox") String redirect) {
		boolean local = redirect.startsWith("/") && !redirect.startsWith("//") && !redirect.startsWith("/\\");
		return "redirect:" + (local ? redirect : "/inbox");
	}

}
