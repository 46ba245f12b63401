//! What Consentry itself writes in a record's data source and history. The history is
//! append-only evidence, so each note is stored as one English sentence and never rewritten;
//! this vocabulary is the one place those sentences are made ([`SourceNote::english`]) and read
//! back ([`SourceNote::parse`]), so every screen can say them in its reader's language. A
//! detail that is not one of them (a file name, a user's reason) is shown as it is.

/// A message a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageNoun {
    /// A consent request.
    ConsentRequest,
    /// A double opt-in confirmation.
    SignUpConfirmation,
    /// Any other message.
    Message,
}

impl MessageNoun {
    const ALL: [MessageNoun; 3] = [
        MessageNoun::ConsentRequest,
        MessageNoun::SignUpConfirmation,
        MessageNoun::Message,
    ];

    /// Its name in a stored note.
    pub fn english(self) -> &'static str {
        match self {
            MessageNoun::ConsentRequest => "Consent request",
            MessageNoun::SignUpConfirmation => "Sign-up confirmation",
            MessageNoun::Message => "Message",
        }
    }
}

/// Where an answer through a form came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormAnswer {
    /// The form's name.
    pub form: String,
    /// The published version answered.
    pub version: u32,
    /// The client's address, truncated.
    pub address: Option<String>,
}

/// A note Consentry writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceNote {
    /// A consent request queued for the mail server.
    RequestQueued,
    /// A consent request kept in the Outbox to be sent by hand (no SMTP server).
    RequestKeptInOutbox,
    /// The mail server accepted a message.
    Delivered(MessageNoun),
    /// The mail server refused a message for good.
    RefusedByServer(MessageNoun),
    /// The mail server did not take a message before the retries ran out.
    RetriesRanOut(MessageNoun),
    /// A message given up because the link or code it carries expired before the mail
    /// server took it.
    Expired(MessageNoun),
    /// A failed message queued again from the Outbox.
    QueuedAgain(MessageNoun),
    /// A message handed over to be sent by hand.
    HandedOver(MessageNoun),
    /// No answer within the waiting period of so many days.
    NoAnswer {
        /// The waiting period.
        days: u32,
    },
    /// Consent not renewed: its lifetime of so many days and the grace period after it ran
    /// out without a renewed answer.
    NotRenewed {
        /// The consent lifetime.
        days: u32,
    },
    /// An answer on the hosted consent page.
    HostedPage(FormAnswer),
    /// A sign-up through a public form.
    SignUp {
        /// The form and where from.
        answer: FormAnswer,
        /// Whether the address was erased on request before.
        erased_before: bool,
    },
    /// A sign-up confirmed by e-mail (double opt-in).
    SignUpConfirmed(FormAnswer),
}

const DELIVERED: &str = " delivered: the mail server accepted it";
const REFUSED: &str = " not delivered: the mail server refused it (see the Outbox)";
const RAN_OUT: &str =
    " not delivered: the mail server did not take it before the retries ran out (see the Outbox)";
const EXPIRED: &str =
    " not delivered: what it carried expired before the mail server took it (see the Outbox)";
const QUEUED_AGAIN: &str = " queued again (retry)";
const HANDED_OVER: &str = " handed over to be sent by hand";
const REQUEST_QUEUED: &str = "Consent request queued for delivery";
const KEPT: &str = "Consent request kept in the Outbox, to be sent by hand (no SMTP server)";
const ERASED_BEFORE: &str = " · this address was erased on request before";
const HOSTED: &str = " · hosted consent page";
const SIGN_UP: &str = " · sign-up";
const CONFIRMED: &str = " · sign-up confirmed by e-mail";
const FORM_PREFIX: &str = "Consent form ";

impl FormAnswer {
    fn english(&self, what: &str) -> String {
        let address = self
            .address
            .as_deref()
            .map(|a| format!(" · {a}"))
            .unwrap_or_default();
        format!("{} version {}{what}{address}", self.form, self.version)
    }

    /// Reads `{form} version {n}{what}[ · {address}]`.
    fn parse(text: &str, what: &str) -> Option<FormAnswer> {
        let (head, address) = match text.strip_suffix(what) {
            Some(head) => (head, None),
            None => {
                let (head, address) = text.rsplit_once(&format!("{what} · "))?;
                (head, Some(address.to_owned()))
            }
        };
        let (form, version) = head.rsplit_once(" version ")?;
        Some(FormAnswer {
            form: form.to_owned(),
            version: version.parse().ok()?,
            address,
        })
    }
}

impl SourceNote {
    /// The sentence stored for it.
    pub fn english(&self) -> String {
        match self {
            SourceNote::RequestQueued => REQUEST_QUEUED.to_owned(),
            SourceNote::RequestKeptInOutbox => KEPT.to_owned(),
            SourceNote::Delivered(noun) => format!("{}{DELIVERED}", noun.english()),
            SourceNote::RefusedByServer(noun) => format!("{}{REFUSED}", noun.english()),
            SourceNote::RetriesRanOut(noun) => format!("{}{RAN_OUT}", noun.english()),
            SourceNote::Expired(noun) => format!("{}{EXPIRED}", noun.english()),
            SourceNote::QueuedAgain(noun) => format!("{}{QUEUED_AGAIN}", noun.english()),
            SourceNote::HandedOver(noun) => format!("{}{HANDED_OVER}", noun.english()),
            SourceNote::NoAnswer { days } => {
                format!("No answer within the waiting period of {days} days")
            }
            SourceNote::NotRenewed { days } => {
                format!(
                    "Consent not renewed after its lifetime of {days} days and the grace period"
                )
            }
            SourceNote::HostedPage(answer) => answer.english(HOSTED),
            SourceNote::SignUp {
                answer,
                erased_before,
            } => {
                let mut text = format!("{FORM_PREFIX}{}", answer.english(SIGN_UP));
                if *erased_before {
                    text.push_str(ERASED_BEFORE);
                }
                text
            }
            SourceNote::SignUpConfirmed(answer) => {
                format!("{FORM_PREFIX}{}", answer.english(CONFIRMED))
            }
        }
    }

    /// The note a stored sentence is; `None` for any other text.
    pub fn parse(text: &str) -> Option<SourceNote> {
        match text {
            REQUEST_QUEUED => return Some(SourceNote::RequestQueued),
            KEPT => return Some(SourceNote::RequestKeptInOutbox),
            _ => {}
        }
        type Make = fn(MessageNoun) -> SourceNote;
        let about_messages: [(&str, Make); 6] = [
            (DELIVERED, SourceNote::Delivered),
            (REFUSED, SourceNote::RefusedByServer),
            (RAN_OUT, SourceNote::RetriesRanOut),
            (EXPIRED, SourceNote::Expired),
            (QUEUED_AGAIN, SourceNote::QueuedAgain),
            (HANDED_OVER, SourceNote::HandedOver),
        ];
        for (tail, make) in about_messages {
            if let Some(head) = text.strip_suffix(tail)
                && let Some(noun) = MessageNoun::ALL.into_iter().find(|n| n.english() == head)
            {
                return Some(make(noun));
            }
        }
        if let Some(days) = text
            .strip_prefix("No answer within the waiting period of ")
            .and_then(|rest| rest.strip_suffix(" days"))
        {
            return days.parse().ok().map(|days| SourceNote::NoAnswer { days });
        }
        if let Some(days) = text
            .strip_prefix("Consent not renewed after its lifetime of ")
            .and_then(|rest| rest.strip_suffix(" days and the grace period"))
        {
            return days
                .parse()
                .ok()
                .map(|days| SourceNote::NotRenewed { days });
        }
        if let Some(rest) = text.strip_prefix(FORM_PREFIX) {
            if let Some(answer) = FormAnswer::parse(rest, CONFIRMED) {
                return Some(SourceNote::SignUpConfirmed(answer));
            }
            let (rest, erased_before) = match rest.strip_suffix(ERASED_BEFORE) {
                Some(rest) => (rest, true),
                None => (rest, false),
            };
            if let Some(answer) = FormAnswer::parse(rest, SIGN_UP) {
                return Some(SourceNote::SignUp {
                    answer,
                    erased_before,
                });
            }
        }
        FormAnswer::parse(text, HOSTED).map(SourceNote::HostedPage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(form: &str, address: Option<&str>) -> FormAnswer {
        FormAnswer {
            form: form.into(),
            version: 3,
            address: address.map(str::to_owned),
        }
    }

    #[test]
    fn every_note_reads_back_from_the_sentence_stored_for_it() {
        let mut notes = vec![
            SourceNote::RequestQueued,
            SourceNote::RequestKeptInOutbox,
            SourceNote::NoAnswer { days: 14 },
            SourceNote::NotRenewed { days: 365 },
            SourceNote::HostedPage(answer("Nieuwsbrief", Some("192.0.2.0"))),
            SourceNote::HostedPage(answer("A version 2 · hosted consent page", None)),
            SourceNote::SignUp {
                answer: answer("Newsletter", Some("2001:db8::")),
                erased_before: true,
            },
            SourceNote::SignUp {
                answer: answer("Newsletter", None),
                erased_before: false,
            },
            SourceNote::SignUpConfirmed(answer("Newsletter", Some("192.0.2.0"))),
        ];
        for noun in MessageNoun::ALL {
            notes.extend([
                SourceNote::Delivered(noun),
                SourceNote::RefusedByServer(noun),
                SourceNote::RetriesRanOut(noun),
                SourceNote::Expired(noun),
                SourceNote::QueuedAgain(noun),
                SourceNote::HandedOver(noun),
            ]);
        }
        for note in notes {
            assert_eq!(
                SourceNote::parse(&note.english()),
                Some(note.clone()),
                "{note:?}"
            );
        }
    }

    #[test]
    fn a_detail_someone_typed_is_no_note() {
        for text in [
            "leads.csv",
            "Rectification request",
            "version 2",
            "Consent form",
        ] {
            assert_eq!(SourceNote::parse(text), None, "{text}");
        }
    }

    #[test]
    fn the_sentences_are_those_written_before() {
        // Notes already in histories read back the same way.
        assert_eq!(
            SourceNote::parse("Consent request delivered: the mail server accepted it"),
            Some(SourceNote::Delivered(MessageNoun::ConsentRequest))
        );
        assert_eq!(
            SourceNote::parse("Newsletter version 1 · hosted consent page · 192.0.2.0"),
            Some(SourceNote::HostedPage(FormAnswer {
                form: "Newsletter".into(),
                version: 1,
                address: Some("192.0.2.0".into())
            }))
        );
    }
}

/// What the Outbox says about a message's delivery, besides the mail server's own answer
/// (which is quoted as it came).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryNote {
    /// Refused for good by the mail server, not retried; its answer.
    Refused {
        /// The server's answer.
        answer: String,
    },
    /// Not taken before the retries ran out.
    RetriesRanOut {
        /// How many attempts.
        attempts: u32,
        /// Over how long, in seconds (as stored: whole minutes from a minute on, whole hours
        /// and minutes from two hours on).
        seconds: i64,
        /// The last attempt's failure.
        answer: String,
    },
    /// Given up because what it carries (a code, a link) expired before the mail server
    /// took it: delivering it later would hand the recipient something that no longer works.
    Expired {
        /// How many attempts were made.
        attempts: u32,
    },
    /// Not sent: its record was deleted while it waited to be delivered.
    RecordDeleted,
    /// Not sent: a newer consent request replaced it (its link no longer works).
    Replaced,
    /// Handed over to be sent by hand.
    HandedOver {
        /// To whom.
        to: String,
    },
}

const REFUSED_PREFIX: &str = "Refused by the mail server, not retried: ";
const HANDED_PREFIX: &str = "Handed over to ";
const HANDED_SUFFIX: &str = " to send by hand";
const EXPIRED_PREFIX: &str = "Expired before it could be delivered";
const RECORD_DELETED: &str = "Not sent: its record was deleted before it could be delivered";
const REPLACED: &str = "Not sent: a newer consent request replaced it (its link no longer works).";

/// A stretch of time as a stored note says it: "45 seconds", "1 minute", "3 hours 5 minutes".
/// Rounded down to the unit shown, so that a sentence read back says the same again.
pub fn span_english(seconds: i64) -> String {
    let parts = span_parts(seconds);
    let words: Vec<String> = parts
        .iter()
        .map(|(n, unit)| {
            let (one, many) = match unit {
                SpanUnit::Second => ("second", "seconds"),
                SpanUnit::Minute => ("minute", "minutes"),
                SpanUnit::Hour => ("hour", "hours"),
            };
            format!("{n} {}", if *n == 1 { one } else { many })
        })
        .collect();
    words.join(" ")
}

/// A unit of [`span_parts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanUnit {
    /// Seconds (under a minute).
    Second,
    /// Minutes.
    Minute,
    /// Hours (from two hours on).
    Hour,
}

/// A stretch of time as numbers and units, largest first, for saying it in any language:
/// seconds under a minute, minutes under two hours, hours and minutes after that.
pub fn span_parts(seconds: i64) -> Vec<(i64, SpanUnit)> {
    let seconds = seconds.max(0);
    if seconds < 60 {
        return vec![(seconds, SpanUnit::Second)];
    }
    let minutes = seconds / 60;
    if minutes < 120 {
        return vec![(minutes, SpanUnit::Minute)];
    }
    let (hours, minutes) = (minutes / 60, minutes % 60);
    let mut parts = vec![(hours, SpanUnit::Hour)];
    if minutes > 0 {
        parts.push((minutes, SpanUnit::Minute));
    }
    parts
}

/// Reads back what [`span_english`] wrote (and the "1440 minutes" of earlier versions).
fn parse_span(text: &str) -> Option<i64> {
    let words: Vec<&str> = text.split(' ').collect();
    if words.is_empty() || !words.len().is_multiple_of(2) {
        return None;
    }
    let mut seconds = 0i64;
    for pair in words.chunks(2) {
        let n: i64 = pair[0].parse().ok()?;
        let unit = match pair[1] {
            "second" | "seconds" => 1,
            "minute" | "minutes" => 60,
            "hour" | "hours" => 3600,
            _ => return None,
        };
        seconds = seconds.checked_add(n.checked_mul(unit)?)?;
    }
    Some(seconds)
}

/// "1 attempt", "3 attempts".
fn attempts_english(attempts: u32) -> String {
    match attempts {
        1 => "1 attempt".to_owned(),
        n => format!("{n} attempts"),
    }
}

impl DeliveryNote {
    /// The sentence stored for it.
    pub fn english(&self) -> String {
        match self {
            DeliveryNote::Refused { answer } => format!("{REFUSED_PREFIX}{answer}"),
            DeliveryNote::RetriesRanOut {
                attempts,
                seconds,
                answer,
            } => format!(
                "Not delivered after {} over {}; the last one failed: {answer}",
                attempts_english(*attempts),
                span_english(*seconds),
            ),
            DeliveryNote::Expired { attempts } => {
                format!("{EXPIRED_PREFIX} ({})", attempts_english(*attempts))
            }
            DeliveryNote::RecordDeleted => RECORD_DELETED.to_owned(),
            DeliveryNote::Replaced => REPLACED.to_owned(),
            DeliveryNote::HandedOver { to } => format!("{HANDED_PREFIX}{to}{HANDED_SUFFIX}"),
        }
    }

    /// The note a stored sentence is; `None` for any other text (a server's answer). Reads
    /// the sentences of earlier versions too ("after 12 attempts over 1440 minutes").
    pub fn parse(text: &str) -> Option<DeliveryNote> {
        if let Some(answer) = text.strip_prefix(REFUSED_PREFIX) {
            return Some(DeliveryNote::Refused {
                answer: answer.to_owned(),
            });
        }
        if let Some(to) = text
            .strip_prefix(HANDED_PREFIX)
            .and_then(|rest| rest.strip_suffix(HANDED_SUFFIX))
        {
            return Some(DeliveryNote::HandedOver { to: to.to_owned() });
        }
        if text == RECORD_DELETED {
            return Some(DeliveryNote::RecordDeleted);
        }
        if text == REPLACED {
            return Some(DeliveryNote::Replaced);
        }
        if let Some(rest) = text.strip_prefix(EXPIRED_PREFIX) {
            let attempts = rest
                .strip_prefix(" (")?
                .strip_suffix(')')?
                .split(' ')
                .next()?
                .parse()
                .ok()?;
            return Some(DeliveryNote::Expired { attempts });
        }
        let rest = text.strip_prefix("Not delivered after ")?;
        let (attempts, rest) = rest.split_once(' ')?;
        let rest = rest
            .strip_prefix("attempts over ")
            .or_else(|| rest.strip_prefix("attempt over "))?;
        let (span, answer) = rest.split_once("; the last one failed: ")?;
        Some(DeliveryNote::RetriesRanOut {
            attempts: attempts.parse().ok()?,
            seconds: parse_span(span)?,
            answer: answer.to_owned(),
        })
    }
}

#[cfg(test)]
mod delivery_tests {
    use super::*;

    #[test]
    fn every_delivery_note_reads_back_and_a_server_answer_is_none() {
        for note in [
            DeliveryNote::Refused {
                answer: "SMTP: 550 5.1.1 No such mailbox".into(),
            },
            DeliveryNote::RetriesRanOut {
                attempts: 12,
                seconds: 1440 * 60,
                answer: "SMTP: 451 try later".into(),
            },
            DeliveryNote::RetriesRanOut {
                attempts: 1,
                seconds: 4,
                answer: "SMTP: connection refused".into(),
            },
            DeliveryNote::RetriesRanOut {
                attempts: 3,
                seconds: 125 * 60,
                answer: "x".into(),
            },
            DeliveryNote::Expired { attempts: 7 },
            DeliveryNote::Expired { attempts: 1 },
            DeliveryNote::RecordDeleted,
            DeliveryNote::Replaced,
            DeliveryNote::HandedOver {
                to: "ada@acme.example".into(),
            },
        ] {
            assert_eq!(DeliveryNote::parse(&note.english()), Some(note.clone()));
        }
        assert_eq!(DeliveryNote::parse("250 2.0.0 Ok: queued"), None);
    }

    #[test]
    fn a_short_schedule_is_told_in_seconds_never_as_zero_minutes() {
        let note = DeliveryNote::RetriesRanOut {
            attempts: 2,
            seconds: 4,
            answer: "SMTP: connection refused".into(),
        };
        assert_eq!(
            note.english(),
            "Not delivered after 2 attempts over 4 seconds; the last one failed: SMTP: \
             connection refused"
        );
        assert_eq!(span_english(60), "1 minute");
        assert_eq!(span_english(119 * 60 + 59), "119 minutes");
        assert_eq!(span_english(24 * 3600), "24 hours");
        assert_eq!(span_english(2 * 3600 + 60), "2 hours 1 minute");
        assert_eq!(span_english(-3), "0 seconds");
    }

    #[test]
    fn a_note_stored_by_an_earlier_version_still_reads_back() {
        // Written before spans were told in seconds, minutes and hours.
        let old = "Not delivered after 12 attempts over 1440 minutes; the last one failed: \
                   SMTP: 451 4.3.0 try later";
        assert_eq!(
            DeliveryNote::parse(old),
            Some(DeliveryNote::RetriesRanOut {
                attempts: 12,
                seconds: 1440 * 60,
                answer: "SMTP: 451 4.3.0 try later".into(),
            })
        );
        let zero = "Not delivered after 3 attempts over 0 minutes; the last one failed: x";
        assert_eq!(
            DeliveryNote::parse(zero),
            Some(DeliveryNote::RetriesRanOut {
                attempts: 3,
                seconds: 0,
                answer: "x".into(),
            })
        );
    }
}
