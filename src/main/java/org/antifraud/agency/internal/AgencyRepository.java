package org.antifraud.agency.internal;

import java.util.List;

import org.antifraud.agency.Agency;
import org.antifraud.agency.AgencyType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Agency rows.
 */
@Repository
public class AgencyRepository {

	private final JdbcClient jdbc;

	AgencyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Agency> findAll() {
		return this.jdbc.sql("select code, name, name_en, agency_type, parent_code, region, abbreviation from agency")
			.query((rs, row) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3),
					AgencyType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** Inserts or updates one agency; returns true when anything changed. */
	boolean upsert(Agency agency) {
		int updated = this.jdbc.sql("""
				update agency set name = ?, name_en = ?, agency_type = ?, parent_code = ?, region = ?, abbreviation = ?
				where code = ? and (name <> ? or name_en <> ? or agency_type <> ?
				  or coalesce(parent_code, '') <> coalesce(?, '') or coalesce(region, '') <> coalesce(?, '')
				  or coalesce(abbreviation, '') <> coalesce(?, ''))""")
			.params(agency.name(), agency.nameEn(), agency.type().name(), agency.parentCode(), agency.region(),
					agency.abbreviation(), agency.code(), agency.name(), agency.nameEn(), agency.type().name(),
					agency.parentCode(), agency.region(), agency.abbreviation())
			.update();
		if (updated > 0) {
			return true;
		}
		boolean exists = this.jdbc.sql("select count(*) from agency where code = ?")
			.param(agency.code())
			.query(Integer.class)
			.single() > 0;
		if (exists) {
			return false;
		}
		this.jdbc.sql("""
				insert into agency (code, name, name_en, agency_type, parent_code, region, abbreviation)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(agency.code(), agency.name(), agency.nameEn(), agency.type().name(), agency.parentCode(),
					agency.region(), agency.abbreviation())
			.update();
		return true;
	}

}
