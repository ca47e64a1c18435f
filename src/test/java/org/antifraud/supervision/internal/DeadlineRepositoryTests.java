package org.antifraud.supervision.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.antifraud.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deadline is opened once, moved while open, closed once: a closed deadline keeps its
 * outcome and its due date whatever arrives after.
 */
class DeadlineRepositoryTests extends ApplicationTestSupport {

	@Autowired
	private DeadlineRepository deadlines;

	@Test
	void openMoveCloseAndNothingAfter() {
		String id = "TASK:repository-test";
		this.deadlines.open(deadline(id, "2026-10-09"));
		assertThat(this.deadlines.find(id)).get()
			.extracting(Deadline::dueOn, Deadline::outcome)
			.containsExactly(LocalDate.parse("2026-10-09"), Deadline.OPEN);

		this.deadlines.open(deadline(id, "2026-10-12"));
		assertThat(this.deadlines.find(id)).get().extracting(Deadline::dueOn).isEqualTo(LocalDate.parse("2026-10-12"));

		this.deadlines.close(id, "DONE");
		this.deadlines.close(id, "CANCELLED");
		this.deadlines.open(deadline(id, "2026-10-20"));
		Deadline closed = this.deadlines.find(id).orElseThrow();
		assertThat(closed.outcome()).isEqualTo("DONE");
		assertThat(closed.dueOn()).isEqualTo(LocalDate.parse("2026-10-12"));
		assertThat(closed.closedAt()).isNotNull();

		this.deadlines.close("TASK:never-opened", "DONE");
		assertThat(this.deadlines.find("TASK:never-opened")).isEmpty();
	}

	private static Deadline deadline(String id, String dueOn) {
		LocalDate due = LocalDate.parse(dueOn);
		return new Deadline(id, "TASK", "JointDisciplineProcess", "reviewDetermination", "审核认定材料", null, "QD-PSB-LS",
				"legal.QD-PSB-LS", due.atTime(17, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), due,
				Instant.parse("2026-09-28T02:00:00Z"), null, Deadline.OPEN, 0);
	}

}
