package org.antifraud.document;

/**
 * The official letters the processes issue. Each has a template
 * {@code org/antifraud/document/letters/<template>.txt}.
 */
public enum LetterType {

	/** 惩戒告知书 to the disciplined subject (Measures Art. 12). */
	DISCIPLINE_NOTICE("discipline-notice"),
	/** 协助执行通知书 to each institution. */
	EXECUTION_ORDER("execution-order"),
	/** 解除惩戒通知书 to each institution. */
	LIFTING_ORDER("lifting-order"),
	/** 申诉受理通知书 to the appellant. */
	APPEAL_ACCEPTANCE("appeal-acceptance"),
	/** 申诉处理决定书 to the appellant. */
	APPEAL_DECISION("appeal-decision"),
	/** 立案决定书 served on the organ. */
	PIL_FILING_DECISION("pil-filing-decision"),
	/** 检察建议书. */
	PIL_RECOMMENDATION("pil-recommendation"),
	/** 公告 before a civil public-interest suit. */
	PIL_PUBLIC_NOTICE("pil-public-notice"),
	/** 整改通知书. */
	RECTIFICATION_NOTICE("rectification-notice"),
	/** 督办通知书 (listed supervision). */
	SUPERVISION_NOTICE("supervision-notice"),
	/** 约谈通知书. */
	INTERVIEW_NOTICE("interview-notice"),
	/** 约谈记录. */
	INTERVIEW_MINUTES("interview-minutes"),
	/**
	 * 账户风险管控告知书: the bank tells the customer reason, remedy and documents (Law Art. 32).
	 */
	CUSTOMER_RISK_NOTICE("customer-risk-notice"),
	/** 紧急止付通知书 from the police to the bank. */
	STOP_PAYMENT_INSTRUCTION("stop-payment-instruction"),
	/** 二次实人认证通知书 from the operator to the card holder. */
	CARD_VERIFICATION_NOTICE("card-verification-notice");

	private final String template;

	LetterType(String template) {
		this.template = template;
	}

	/** The template's name, without {@code .txt}. */
	public String template() {
		return this.template;
	}

}
