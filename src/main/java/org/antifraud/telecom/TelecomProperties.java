package org.antifraud.telecom;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the telecom processes ({@code antifraud.telecom.*}).
 *
 * @param verificationLimit time to verify a high-risk card's holder (24 hours)
 * @param maxCardsPerOperator active cards one person may hold at one operator (5)
 * @param refusalReportAgencies agencies told of every refusal by the card-count check
 * @param verificationChannel where the holder verifies, printed in the card-verification
 * notice
 * @param hotline the anti-fraud hotline printed in that notice (96110)
 */
@ConfigurationProperties("antifraud.telecom")
public record TelecomProperties(Duration verificationLimit, int maxCardsPerOperator, List<String> refusalReportAgencies,
		String verificationChannel, String hotline) {

	public TelecomProperties {
		verificationLimit = (verificationLimit != null) ? verificationLimit : Duration.ofHours(24);
		maxCardsPerOperator = (maxCardsPerOperator > 0) ? maxCardsPerOperator : 5;
		refusalReportAgencies = (refusalReportAgencies != null) ? List.copyOf(refusalReportAgencies)
				: List.of("QD-PSB", "CA-SD");
		verificationChannel = (verificationChannel != null) ? verificationChannel : "本公司营业厅或者本公司App实名认证入口";
		hotline = (hotline != null) ? hotline : "96110";
	}

}
