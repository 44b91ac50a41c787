//! Text messages to a phone: a trait, so that a real SMS gateway can be plugged in later, and the
//! development sender, which only writes the message to the log.
//!
//! The development sender logs the recipient masked and the whole message, code included: a
//! developer has no other way to read it. That is why it is off unless `LABOUR_SMS_SENDER=log`
//! says otherwise, and why the server warns at start-up when it is on; staff always see the code
//! on their screen, so the portal works without any sender.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use labour_domain::account::Phone;
use serde::{Deserialize, Serialize};

/// Sends one text message; `Err` says why in words that hold no phone number.
pub trait SmsSender: Send + Sync + std::fmt::Debug {
    fn send<'a>(
        &'a self,
        phone: &'a Phone,
        text: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;
}

/// Which sender the configuration asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SmsSetting {
    /// No SMS: staff hand the code over.
    #[default]
    Off,
    /// Development: the message goes to the log.
    Log,
}

impl SmsSetting {
    pub fn sender(self) -> Option<Arc<dyn SmsSender>> {
        match self {
            SmsSetting::Off => None,
            SmsSetting::Log => {
                tracing::warn!(
                    "LABOUR_SMS_SENDER=log: reset codes are written to the log (development only)"
                );
                Some(Arc::new(LogSms))
            }
        }
    }
}

/// The development sender: writes the masked recipient and the message to the log.
#[derive(Debug, Clone, Copy)]
pub struct LogSms;

impl SmsSender for LogSms {
    fn send<'a>(
        &'a self,
        phone: &'a Phone,
        text: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        tracing::info!(to = %mask(phone), message = text, "SMS not sent, only logged (development sender)");
        Box::pin(std::future::ready(Ok(())))
    }
}

/// `+84912345678` as `+84******678`: enough to tell two test phones apart, not to call one.
pub fn mask(phone: &Phone) -> String {
    let number = phone.as_str();
    let keep = number.len().saturating_sub(3);
    let (head, tail) = number.split_at(keep);
    let prefix: String = head.chars().take(3).collect();
    let hidden = "*".repeat(head.chars().count().saturating_sub(3));
    format!("{prefix}{hidden}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_masked_phone_keeps_only_the_country_code_and_the_last_three_digits()
    -> Result<(), labour_domain::Error> {
        assert_eq!(mask(&Phone::parse("0912 345 678")?), "+84******678");
        Ok(())
    }
}
