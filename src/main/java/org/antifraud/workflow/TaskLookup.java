package org.antifraud.workflow;

import org.antifraud.security.Actor;

/**
 * Finds an open task for other modules with the inbox's access rule: a task outside the
 * actor's agency-and-role groups or assignment does not exist for them.
 */
public interface TaskLookup {

	/**
	 * The open task as a reference to its process and case.
	 * @throws org.antifraud.common.ApiException 404 when the actor may not see it
	 */
	TaskRef visible(String taskId, Actor actor);

}
