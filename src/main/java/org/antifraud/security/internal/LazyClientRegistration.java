package org.antifraud.security.internal;

import java.util.function.Supplier;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * One client registration built when first asked for, and built again on the next ask if
 * the identity provider could not be reached.
 */
class LazyClientRegistration implements ClientRegistrationRepository {

	private final String registrationId;

	private final Supplier<ClientRegistration> builder;

	private volatile ClientRegistration registration;

	LazyClientRegistration(String registrationId, Supplier<ClientRegistration> builder) {
		this.registrationId = registrationId;
		this.builder = builder;
	}

	@Override
	public ClientRegistration findByRegistrationId(String id) {
		if (!this.registrationId.equals(id)) {
			return null;
		}
		ClientRegistration current = this.registration;
		if (current == null) {
			synchronized (this) {
				current = this.registration;
				if (current == null) {
					current = this.builder.get();
					this.registration = current;
				}
			}
		}
		return current;
	}

}
