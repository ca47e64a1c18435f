package org.antifraud.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The modelling conventions of STYLE.md, checked on every file in {@code processes/} and
 * {@code forms/} without starting Spring.
 */
class ProcessConventionTests {

	private static final Pattern ELEMENT_ID = Pattern.compile(
			"(StartEvent|EndEvent|Task|ServiceTask|Gateway|BoundaryEvent|TimerEvent|MessageEvent|SubProcess|Flow)_[A-Z][A-Za-z]+");

	static Stream<Path> processes() throws IOException {
		return Files.list(Path.of("processes")).filter((path) -> path.toString().endsWith(".bpmn")).sorted();
	}

	static Stream<Path> forms() throws IOException {
		return Files.list(Path.of("forms")).filter((path) -> path.toString().endsWith(".form")).sorted();
	}

	@ParameterizedTest
	@MethodSource("processes")
	void fileNameIsTheProcessIdAndHistoryHasATimeToLive(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		Process process = model.getModelElementsByType(Process.class).iterator().next();
		assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
		assertThat(process.isExecutable()).isTrue();
		assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
	}

	@ParameterizedTest
	@MethodSource("processes")
	void elementIdsFollowTypeUnderscoreName(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			assertThat(element.getId()).as(file + " element").matches(ELEMENT_ID);
			if (element instanceof FlowNode && !(element instanceof org.camunda.bpm.model.bpmn.instance.Gateway)) {
				assertThat(element.getName()).as(element.getId() + " has a business label").isNotBlank();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("processes")
	void userTasksHaveAFormAGroupAndADueDate(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			assertThat(task.getCamundaFormRef()).as(task.getId()).isNotBlank();
			assertThat(Path.of("forms", task.getCamundaFormRef() + ".form")).as(task.getId()).exists();
			assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
			assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
			assertThat(task.getCamundaDueDate()).as(task.getId()).isNotBlank();
		}
	}

	@ParameterizedTest
	@MethodSource("processes")
	void serviceTasksAreAsynchronousWithARetryCycle(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
			assertThat(task.getExtensionElements()
				.getElementsQuery()
				.filterByType(CamundaFailedJobRetryTimeCycle.class)
				.count()).as(task.getId()).isEqualTo(1);
			assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{[a-z][A-Za-z]+Delegate}");
		}
	}

	@ParameterizedTest
	@MethodSource("processes")
	void everyProcessHasAScenarioTestClass(Path file) throws IOException {
		String name = file.getFileName().toString().replace(".bpmn", "Tests.java");
		try (Stream<Path> tests = Files.walk(Path.of("src/test/java"))) {
			assertThat(tests.anyMatch((path) -> path.getFileName().toString().equals(name))).as(name).isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("forms")
	void formIdIsTheFileName(Path file) throws IOException {
		String id = new ObjectMapper().readTree(file.toFile()).path("id").asText();
		assertThat(file.getFileName().toString()).isEqualTo(id + ".form");
	}

	@Test
	void everyFormIsUsedByAProcess() throws IOException {
		Set<String> used = new HashSet<>();
		for (Path file : processes().toList()) {
			Bpmn.readModelFromFile(file.toFile())
				.getModelElementsByType(UserTask.class)
				.forEach((task) -> used.add(task.getCamundaFormRef()));
		}
		List<String> forms = forms().map((path) -> path.getFileName().toString().replace(".form", "")).toList();
		assertThat(used).containsExactlyInAnyOrderElementsOf(forms);
	}

}
