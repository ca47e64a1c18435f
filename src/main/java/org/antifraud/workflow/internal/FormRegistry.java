package org.antifraud.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms shipped in {@code forms/}, by form id (= file name =
 * camunda:formRef).
 */
@Component
class FormRegistry {

	private final Map<String, FormSchema> forms = new ConcurrentHashMap<>();

	FormRegistry(ObjectMapper json) throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
		for (Resource file : files) {
			try (InputStream in = file.getInputStream()) {
				FormSchema schema = FormSchema.parse(json.readTree(in));
				String name = file.getFilename().substring(0, file.getFilename().length() - ".form".length());
				if (!name.equals(schema.id())) {
					throw new IllegalStateException("Form " + file.getFilename() + " has id " + schema.id());
				}
				this.forms.put(schema.id(), schema);
			}
		}
	}

	Optional<FormSchema> find(String formId) {
		return Optional.ofNullable(formId).map(this.forms::get);
	}

}
