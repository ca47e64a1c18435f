package org.antifraud.supervision.internal;

import org.antifraud.calendar.WorkingDayCalendar;
import org.antifraud.common.Now;
import org.antifraud.discipline.DisciplineDecided;
import org.antifraud.discipline.DisciplineLifted;
import org.antifraud.interview.InterviewEnded;
import org.antifraud.interview.InterviewScheduled;
import org.antifraud.workflow.TaskClosed;
import org.antifraud.workflow.TaskOpened;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the deadline table current. Listens synchronously, inside the transaction that
 * changed the task or case, so a deadline is never lost and never outlives a rolled-back
 * change.
 */
@Component
class DeadlineListener {

	static final String TASK = "TASK";

	static final String TERM_END = "TERM_END";

	static final String INTERVIEW = "INTERVIEW";

	private final DeadlineRepository deadlines;

	DeadlineListener(DeadlineRepository deadlines) {
		this.deadlines = deadlines;
	}

	/** A new task's deadline is new too; a rescheduled task's moves. */
	@EventListener
	void on(TaskOpened event) {
		Deadline deadline = new Deadline(TASK + ":" + event.taskId(), TASK, event.processKey(), event.taskKey(),
				event.name(), event.caseId(), event.agencyCode(), event.candidateGroup(), event.dueAt(),
				event.dueAt().atZone(Now.ZONE).toLocalDate(), Now.instant(), null, Deadline.OPEN, 0);
		if (event.created()) {
			this.deadlines.insert(deadline);
		}
		else {
			this.deadlines.open(deadline);
		}
	}

	@EventListener
	void on(TaskClosed event) {
		this.deadlines.close(TASK + ":" + event.taskId(), event.completed() ? "DONE" : "CANCELLED");
	}

	@EventListener
	void on(DisciplineDecided event) {
		this.deadlines.open(new Deadline(TERM_END + ":" + event.caseId(), TERM_END, "JointDisciplineProcess", null,
				"惩戒期满 " + event.caseNumber(), event.caseId(), event.filingAgency(), null,
				WorkingDayCalendar.endOf(event.termEnd()), event.termEnd(), Now.instant(), null, Deadline.OPEN, 0));
	}

	@EventListener
	void on(DisciplineLifted event) {
		this.deadlines.close(TERM_END + ":" + event.caseId(), "DONE");
	}

	@EventListener
	void on(InterviewScheduled event) {
		this.deadlines
			.open(new Deadline(INTERVIEW + ":" + event.interviewId(), INTERVIEW, "AccountabilityInterviewProcess", null,
					"约谈 " + event.caseNumber(), event.interviewId(), event.unitCode(), null, event.at(),
					event.at().atZone(Now.ZONE).toLocalDate(), Now.instant(), null, Deadline.OPEN, 0));
	}

	@EventListener
	void on(InterviewEnded event) {
		this.deadlines.close(INTERVIEW + ":" + event.interviewId(), "DONE");
	}

}
