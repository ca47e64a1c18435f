package org.antifraud.banking;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Time limits of the banking processes ({@code antifraud.banking.*}).
 *
 * @param reviewCycle how often a graded account is reviewed (practice; default three
 * months)
 * @param objectionAnswerDays days to answer a customer objection (AML Law Art. 39: 15)
 * @param objectionReminderDays days before that deadline the bank is reminded
 * @param objectionEscalationAgency the regulator told when an answer is overdue
 * @param stopPaymentResponse how soon a bank must check and execute a stop-payment
 * @param stopPaymentDuration how long one stop lasts (48 hours)
 * @param maxStops stops per instruction, the first one included (2)
 * @param basicServices what stays open under every measure (AML Law Art. 30)
 * @param remedyChannel where a customer objects to a measure, printed in the customer
 * risk notice (Law Art. 32)
 * @param documentsNeeded what the customer brings to be verified, printed in the same
 * notice
 */
@ConfigurationProperties("antifraud.banking")
public record BankingProperties(Period reviewCycle, int objectionAnswerDays, int objectionReminderDays,
		String objectionEscalationAgency, Duration stopPaymentResponse, Duration stopPaymentDuration, int maxStops,
		String basicServices, String remedyChannel, String documentsNeeded) {

	public BankingProperties {
		reviewCycle = (reviewCycle != null) ? reviewCycle : Period.ofMonths(3);
		objectionAnswerDays = (objectionAnswerDays > 0) ? objectionAnswerDays : 15;
		objectionReminderDays = (objectionReminderDays > 0) ? objectionReminderDays : 3;
		objectionEscalationAgency = (objectionEscalationAgency != null) ? objectionEscalationAgency : "PBOC-QD";
		stopPaymentResponse = (stopPaymentResponse != null) ? stopPaymentResponse : Duration.ofMinutes(30);
		stopPaymentDuration = (stopPaymentDuration != null) ? stopPaymentDuration : Duration.ofHours(48);
		maxStops = (maxStops > 0) ? maxStops : 2;
		basicServices = (basicServices != null) ? basicServices : "税费缴纳、社会保险、水电燃气等公用事业缴费";
		remedyChannel = (remedyChannel != null) ? remedyChannel : "本行任一营业网点或者客户服务热线";
		documentsNeeded = (documentsNeeded != null) ? documentsNeeded : "本人有效身份证件，以及账户用途和有关交易的说明与证明材料";
	}

}
