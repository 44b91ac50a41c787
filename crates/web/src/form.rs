//! Forms: the body read once (bounded), its CSRF token checked, its fields parsed into the
//! page's form type; and the errors a form comes back with, beside each field and summarised
//! at the top (the GOV.UK pattern), in the person's language.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;

use crate::error::WebError;
use crate::lang::Lang;

/// Largest form body a page takes; every form of the portal is far smaller.
const MAX_FORM_BYTES: usize = 64 * 1024;

/// A form posted from one of the portal's pages, its CSRF token checked.
#[derive(Debug)]
pub struct Form<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Form<T> {
    type Error = WebError;
    type Future = Pin<Box<dyn Future<Output = Result<Form<T>, WebError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let lang = crate::lang::of(&req);
            let refuse = |key: &str| {
                WebError::new(
                    labour_app::Error::new(labour_app::ErrorCode::ValidationFailed)
                        .detail(crate::i18n::t(Lang::Vi, key), crate::i18n::t(Lang::En, key)),
                    lang,
                )
            };
            let bytes = body.await.map_err(|_| refuse("error.form_unreadable"))?;
            if bytes.len() > MAX_FORM_BYTES {
                return Err(refuse("error.form_too_large"));
            }
            let sent: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
                .map_err(|_| refuse("error.form_unreadable"))?;
            let token = sent
                .iter()
                .find(|(k, _)| k == crate::csrf::FIELD)
                .map(|(_, v)| v.as_str())
                .unwrap_or_default();
            if !crate::csrf::matches(&req, token) {
                return Err(WebError::new(
                    labour_app::Error::new(labour_app::ErrorCode::Forbidden).detail(
                        crate::i18n::t(Lang::Vi, "error.form_expired"),
                        crate::i18n::t(Lang::En, "error.form_expired"),
                    ),
                    lang,
                ));
            }
            // Text with control characters other than line breaks never reaches a use case.
            if sent.iter().any(|(k, v)| {
                k.chars()
                    .chain(v.chars())
                    .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            }) {
                return Err(refuse("error.form_control_characters"));
            }
            serde_urlencoded::from_bytes(&bytes)
                .map(Form)
                .map_err(|_| refuse("error.form_unreadable"))
        })
    }
}

/// One message beside one field.
#[derive(Debug, Clone)]
pub struct FieldMessage {
    /// The form field's name (and the id of its input, which the summary links to).
    pub field: String,
    pub message: String,
}

/// The errors a form comes back with; empty when it is shown the first time.
#[derive(Debug, Clone, Default)]
pub struct Errors {
    pub fields: Vec<FieldMessage>,
    /// A message about the whole form (a refused sign-in, say).
    pub form: Option<String>,
}

impl Errors {
    /// The field errors of a use case's refusal, mapped to the form's field names with
    /// `rename` (the use case's name to the form's), in the page's language.
    pub fn from_error(
        error: &labour_app::Error,
        lang: Lang,
        rename: impl Fn(&str) -> String,
    ) -> Errors {
        let fields: Vec<FieldMessage> = error
            .errors
            .iter()
            .map(|e| FieldMessage {
                field: rename(&e.field),
                message: e.message.get(lang).to_owned(),
            })
            .collect();
        let form = match (&error.detail, fields.is_empty()) {
            (Some(detail), true) => Some(detail.get(lang).to_owned()),
            (None, true) => Some(crate::i18n::t(lang, "error.bad_request").into_owned()),
            _ => None,
        };
        Errors { fields, form }
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.form.is_none()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.fields.push(FieldMessage {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// The message beside `field`, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| f.message.as_str())
    }

    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }
}

/// Percent-encodes a value for a URL's query.
pub fn encode(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC).to_string()
}
