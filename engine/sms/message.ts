/** A text message to one mobile number. */
export interface SmsMessage {
  /** The mobile number, as stored (10 digits); a provider adds a country prefix if it wants one. */
  recipient: string;
  text: string;
  /** The gateway's id of the text's template (India's DLT registration), when it has one. */
  templateId?: string;
  /** The tenant the message is sent for. */
  tenantId: string;
  /** What the message is, e.g. OTP or NOTIFICATION (kept by the outbox). */
  category?: string;
}

/** The one door text messages leave by; a provider is chosen by configuration (definitions/sms/). */
export interface SmsSender {
  /** The provider's name, as its definition gives it. */
  readonly provider: string;
  send(message: SmsMessage): Promise<void>;
}
