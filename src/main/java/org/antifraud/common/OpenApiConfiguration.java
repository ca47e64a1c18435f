package org.antifraud.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the REST API for springdoc: title, version and the HTTP Basic sign-in of
 * local mode.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI jointDisciplineApi() {
		return new OpenAPI()
			.info(new Info().title("联合惩戒工作平台 API / Joint-discipline workflow API")
				.version("v1")
				.description("Errors are RFC 9457 problems with an errors[] list of {field, message}; "
						+ "messages in Chinese unless Accept-Language asks for English."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
