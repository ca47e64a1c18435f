package org.antifraud.agency.internal;

import java.util.List;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.AgencyType;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists agencies for every signed-in user.
 */
@RestController
@RequestMapping("/api/agencies")
class AgencyController {

	private final AgencyDirectory directory;

	AgencyController(AgencyDirectory directory) {
		this.directory = directory;
	}

	@GetMapping
	List<Agency> list(@RequestParam(required = false) List<AgencyType> type) {
		return this.directory.list(type);
	}

}
