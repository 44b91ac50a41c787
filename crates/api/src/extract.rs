//! The edge of the API: how request bodies, query strings and path parameters are read, and how
//! anything malformed in them becomes a field error a person understands, in Vietnamese and
//! English. Control characters are refused here, once, for every text a request carries.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::{PathError, QueryPayloadError};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::errors::{ApiError, ErrorCode, FieldError};
use crate::lang::Text;

/// The largest integer accepted where the type would allow more: 2^53 - 1, the largest that
/// every JSON implementation keeps exactly (I-JSON, RFC 7493 section 2.2).
pub const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

/// At most this many deserialisation attempts per body, so a body with many faults costs a
/// bounded amount of work.
const MAX_ATTEMPTS: usize = 24;
/// At most this many field errors reported from one body.
const MAX_ERRORS: usize = 16;
/// Values quoted back in messages are cut to this many characters.
const MAX_QUOTED: usize = 40;

/// The size limit of request bodies, in bytes (application data).
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

/// A JSON request body. Use this, never `web::Json`, for request bodies: it keeps the size
/// limit (413) and the media type rule (415), refuses control characters in every string, and
/// reports every field that does not fit `T` at once.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Json<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Json<T>, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<BodyLimit>()
            .map_or(256 * 1024, |BodyLimit(n)| *n);
        let is_json = req
            .mime_type()
            .ok()
            .flatten()
            .is_some_and(|m| m.subtype() == "json" || m.suffix().is_some_and(|s| s == "json"));
        let length = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !is_json {
                return Err(ApiError::new(ErrorCode::UnsupportedMediaType).detail(
                    "Hãy gửi nội dung JSON với tiêu đề Content-Type: application/json.",
                    "Send a JSON body with the header Content-Type: application/json.",
                ));
            }
            if length.is_some_and(|n| n > limit) {
                return Err(too_large(limit));
            }
            let mut body = Vec::with_capacity(length.unwrap_or(0).min(limit));
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| {
                    ApiError::new(ErrorCode::InvalidJson)
                        .detail(
                            "Không đọc được hết nội dung gửi lên; hãy gửi lại.",
                            "The request body could not be read to its end; send it again.",
                        )
                        .with_cause(e)
                })?;
                if body.len() + chunk.len() > limit {
                    return Err(too_large(limit));
                }
                body.extend_from_slice(&chunk);
            }
            parse_body(&body).map(Json)
        })
    }
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(ErrorCode::PayloadTooLarge).detail(
        format!("Nội dung gửi lên vượt quá giới hạn {limit} byte."),
        format!("The request body is larger than the limit of {limit} bytes."),
    )
}

/// Reads a body as `T`: 400 `invalid_json` when it is not JSON, 422 `validation_failed` with
/// every bad field otherwise.
pub fn parse_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => return Err(syntax_error(body, &e)),
    };
    let mut errors = control_characters(&value);
    match deserialize_all::<T>(value) {
        Ok(v) if errors.is_empty() => return Ok(v),
        Ok(_) => {}
        Err(more) => {
            for e in more {
                if !errors.iter().any(|x| x.field == e.field) {
                    errors.push(e);
                }
            }
        }
    }
    Err(ApiError::new(ErrorCode::ValidationFailed)
        .detail(
            "Một số trường không hợp lệ, xem danh sách lỗi.",
            "Some fields are not valid; see the list of errors.",
        )
        .with_errors(errors))
}

fn syntax_error(body: &[u8], e: &serde_json::Error) -> ApiError {
    let error = ApiError::new(ErrorCode::InvalidJson);
    if body.iter().all(u8::is_ascii_whitespace) {
        return error.detail(
            "Nội dung gửi lên trống; hãy gửi một đối tượng JSON.",
            "The request body is empty; send a JSON object.",
        );
    }
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        serde_json::error::Category::Eof => error.detail(
            format!("Nội dung JSON kết thúc khi chưa đủ (dòng {line}, cột {column})."),
            format!("The JSON ends before it is complete (line {line}, column {column})."),
        ),
        _ => error.detail(
            format!("Nội dung không phải JSON hợp lệ: có lỗi ở dòng {line}, cột {column}."),
            format!(
                "The body is not valid JSON: there is a mistake at line {line}, column {column}."
            ),
        ),
    }
}

/// One step into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// `content.title`, `rows[2].note`; `body` for the whole body.
fn field_name(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&escape_controls(k));
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() {
        out.push_str("body");
    }
    out
}

/// Control characters shown as `\u{0}`, so a name or value can be quoted safely.
fn escape_controls(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn quote(s: &str) -> String {
    let cut: String = s.chars().take(MAX_QUOTED).collect();
    let ellipsis = if s.chars().count() > MAX_QUOTED {
        "…"
    } else {
        ""
    };
    format!("\"{}{ellipsis}\"", escape_controls(&cut))
}

/// Tab, line feed and carriage return are text (descriptions have lines); every other
/// control character (NUL, escape, the C1 range, ...) is refused.
fn allowed_in_body(c: char) -> bool {
    !c.is_control() || matches!(c, '\t' | '\n' | '\r')
}

/// The message for a text holding control character `c`.
fn control_message(field: &str, c: char) -> FieldError {
    let code = format!("U+{:04X}", u32::from(c));
    FieldError {
        field: field.to_owned(),
        code: "control_character",
        message: Text::new(
            format!("{field} chứa ký tự điều khiển {code}; hãy bỏ ký tự này."),
            format!("{field} contains the control character {code}; remove it."),
        ),
    }
}

/// Every string of a body (keys included) that holds a control character.
fn control_characters(value: &Value) -> Vec<FieldError> {
    fn walk(value: &Value, steps: &mut Vec<Step>, out: &mut Vec<FieldError>) {
        if out.len() >= MAX_ERRORS {
            return;
        }
        match value {
            Value::String(s) => {
                if let Some(c) = s.chars().find(|c| !allowed_in_body(*c)) {
                    out.push(control_message(&field_name(steps), c));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    steps.push(Step::Index(i));
                    walk(item, steps, out);
                    steps.pop();
                }
            }
            Value::Object(map) => {
                for (k, v) in map {
                    steps.push(Step::Key(k.clone()));
                    if let Some(c) = k.chars().find(|c| !allowed_in_body(*c)) {
                        out.push(control_message(&field_name(steps), c));
                    } else {
                        walk(v, steps, out);
                    }
                    steps.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), &mut out);
    out
}

/// What kind of value a field takes, read from serde's "expected ..." text.
#[derive(Debug, Clone, PartialEq)]
enum Expect {
    Integer { min: i64, max: i64 },
    Number,
    Text,
    Bool,
    List,
    Object,
    Uuid,
    Date,
    DateTime,
    Choice,
    Other,
}

impl Expect {
    fn from_serde(expected: &str) -> Expect {
        let e = expected.trim();
        let u32_max = i64::from(u32::MAX);
        match e {
            "u8" => Expect::Integer { min: 0, max: 255 },
            "u16" => Expect::Integer {
                min: 0,
                max: 65_535,
            },
            "u32" => Expect::Integer {
                min: 0,
                max: u32_max,
            },
            "u64" | "u128" | "usize" => Expect::Integer {
                min: 0,
                max: MAX_SAFE_INTEGER,
            },
            "i8" => Expect::Integer {
                min: -128,
                max: 127,
            },
            "i16" => Expect::Integer {
                min: -32_768,
                max: 32_767,
            },
            "i32" => Expect::Integer {
                min: i64::from(i32::MIN),
                max: i64::from(i32::MAX),
            },
            "i64" | "i128" | "isize" => Expect::Integer {
                min: -MAX_SAFE_INTEGER,
                max: MAX_SAFE_INTEGER,
            },
            "f32" | "f64" => Expect::Number,
            "a boolean" => Expect::Bool,
            "a sequence" => Expect::List,
            "variant identifier" => Expect::Choice,
            _ if e.contains("UUID") => Expect::Uuid,
            _ if e.contains("date and time") => Expect::DateTime,
            _ if e.contains("date") => Expect::Date,
            _ if e.starts_with("struct ") || e == "a map" || e == "map" => Expect::Object,
            _ if e.starts_with("tuple") || e.starts_with("an array") => Expect::List,
            _ if e.starts_with("enum ") || e.starts_with("internally tagged enum") => {
                Expect::Choice
            }
            _ if e.contains("string") || e == "a character" || e == "char" => Expect::Text,
            _ => Expect::Other,
        }
    }

    /// A value of this kind, to put in place of a faulty one and read on.
    fn placeholders(&self) -> Vec<Value> {
        match self {
            Expect::Integer { min, .. } => vec![Value::from((*min).max(0))],
            Expect::Number => vec![Value::from(0)],
            Expect::Text | Expect::Choice => vec![Value::from("")],
            Expect::Bool => vec![Value::from(false)],
            Expect::List => vec![Value::Array(Vec::new())],
            Expect::Object => vec![Value::Object(serde_json::Map::new())],
            Expect::Uuid => vec![Value::from("00000000-0000-0000-0000-000000000000")],
            Expect::Date => vec![Value::from("2000-01-01")],
            Expect::DateTime => vec![Value::from("2000-01-01T00:00:00Z")],
            Expect::Other => any_placeholders(),
        }
    }

    /// "must be ..." in both languages.
    fn sentence(&self, field: &str) -> Text {
        match self {
            Expect::Integer { .. } => Text::new(
                format!("{field} phải là một số nguyên."),
                format!("{field} must be a whole number."),
            ),
            Expect::Number => Text::new(
                format!("{field} phải là một số."),
                format!("{field} must be a number."),
            ),
            Expect::Text => Text::new(
                format!("{field} phải là văn bản (chuỗi ký tự)."),
                format!("{field} must be text."),
            ),
            Expect::Bool => Text::new(
                format!("{field} phải là true hoặc false."),
                format!("{field} must be true or false."),
            ),
            Expect::List => Text::new(
                format!("{field} phải là một danh sách."),
                format!("{field} must be a list."),
            ),
            Expect::Object => Text::new(
                format!("{field} phải là một đối tượng JSON."),
                format!("{field} must be an object."),
            ),
            Expect::Uuid => Text::new(
                format!("{field} không phải là mã định danh (UUID) hợp lệ."),
                format!("{field} is not a valid id (UUID)."),
            ),
            Expect::Date => Text::new(
                format!("{field} phải là một ngày dạng YYYY-MM-DD, ví dụ 2026-03-31."),
                format!("{field} must be a date as YYYY-MM-DD, for example 2026-03-31."),
            ),
            Expect::DateTime => Text::new(
                format!("{field} phải là thời điểm theo RFC 3339, ví dụ 2026-03-31T08:00:00Z."),
                format!("{field} must be a time in RFC 3339, for example 2026-03-31T08:00:00Z."),
            ),
            Expect::Choice => Text::new(
                format!("{field} phải là một trong các giá trị được liệt kê trong tài liệu API."),
                format!("{field} must be one of the values listed in the API documentation."),
            ),
            Expect::Other => Text::new(
                format!("{field} không hợp lệ."),
                format!("{field} is not valid."),
            ),
        }
    }
}

fn any_placeholders() -> Vec<Value> {
    vec![
        Value::Null,
        Value::from(""),
        Value::from(0),
        Value::from(false),
        Value::Array(Vec::new()),
        Value::Object(serde_json::Map::new()),
        Value::from("00000000-0000-0000-0000-000000000000"),
        Value::from("2000-01-01"),
    ]
}

/// serde's error categories, read from its messages (serde gives no other way to tell them).
#[derive(Debug, Clone, PartialEq)]
enum Fault {
    Missing(String),
    Unknown {
        field: String,
        allowed: Vec<String>,
    },
    Duplicate(String),
    UnknownVariant {
        value: String,
        allowed: Vec<String>,
    },
    InvalidType {
        unexpected: String,
        expected: Expect,
    },
    InvalidValue {
        unexpected: String,
        expected: Expect,
    },
    InvalidLength {
        expected: Expect,
    },
    /// A type's own refusal (a UUID, a date): `expected` guessed from its words.
    Other {
        expected: Expect,
    },
}

/// The names between backticks in `rest`.
fn backticked(rest: &str) -> Vec<String> {
    rest.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_owned())
        .collect()
}

fn first_backticked(rest: &str) -> String {
    backticked(rest).into_iter().next().unwrap_or_default()
}

impl Fault {
    fn classify(message: &str) -> Fault {
        if let Some(rest) = message.strip_prefix("missing field ") {
            return Fault::Missing(first_backticked(rest));
        }
        if let Some(rest) = message.strip_prefix("duplicate field ") {
            return Fault::Duplicate(first_backticked(rest));
        }
        if let Some(rest) = message.strip_prefix("unknown field ") {
            let mut names = backticked(rest).into_iter();
            let field = names.next().unwrap_or_default();
            return Fault::Unknown {
                field,
                allowed: names.collect(),
            };
        }
        if let Some(rest) = message.strip_prefix("unknown variant ") {
            // The value itself may hold backticks: the allowed names follow the last ", expected".
            let (value_part, allowed_part) = rest
                .rsplit_once(", expected")
                .or_else(|| rest.rsplit_once(", there are no variants"))
                .unwrap_or((rest, ""));
            let value = value_part
                .strip_prefix('`')
                .and_then(|v| v.strip_suffix('`'))
                .unwrap_or(value_part)
                .to_owned();
            return Fault::UnknownVariant {
                value,
                allowed: backticked(allowed_part),
            };
        }
        if let Some(rest) = message.strip_prefix("invalid type: ")
            && let Some((unexpected, expected)) = rest.rsplit_once(", expected ")
        {
            return Fault::InvalidType {
                unexpected: unexpected.to_owned(),
                expected: Expect::from_serde(expected),
            };
        }
        if let Some(rest) = message.strip_prefix("invalid value: ")
            && let Some((unexpected, expected)) = rest.rsplit_once(", expected ")
        {
            return Fault::InvalidValue {
                unexpected: unexpected.to_owned(),
                expected: Expect::from_serde(expected),
            };
        }
        if let Some(rest) = message.strip_prefix("invalid length ")
            && let Some((_, expected)) = rest.split_once(", expected ")
        {
            return Fault::InvalidLength {
                expected: Expect::from_serde(expected),
            };
        }
        let expected = if message.contains("UUID") {
            Expect::Uuid
        } else if [
            "input contains invalid characters",
            "premature end of input",
            "input is out of range",
            "trailing input",
            "input is not enough",
            "no possible date",
        ]
        .iter()
        .any(|m| message.contains(m))
        {
            Expect::Date
        } else {
            Expect::Other
        };
        Fault::Other { expected }
    }

    /// The field error, in both languages; `field` is where it is.
    fn field_error(&self, field: &str, noun: Noun) -> FieldError {
        let (code, message) = match self {
            Fault::Missing(_) => (
                "required",
                Text::new(format!("Cần có {field}."), format!("{field} is required.")),
            ),
            Fault::Unknown { allowed, .. } => {
                let list = allowed.join(", ");
                let (vi, en) = match noun {
                    Noun::Field => ("trường", "field"),
                    Noun::Parameter => ("tham số", "parameter"),
                };
                let message = if allowed.is_empty() {
                    Text::new(
                        format!(
                            "{field} không phải là {vi} của yêu cầu này; yêu cầu này không nhận {vi} nào."
                        ),
                        format!("{field} is not a {en} of this request; it takes no {en}s."),
                    )
                } else {
                    Text::new(
                        format!("{field} không phải là {vi} của yêu cầu này; các {vi} là: {list}."),
                        format!("{field} is not a {en} of this request; {en}s are: {list}."),
                    )
                };
                ("unknown_field", message)
            }
            Fault::Duplicate(_) => (
                "duplicate_field",
                Text::new(
                    format!("{field} được gửi nhiều lần; chỉ gửi một lần."),
                    format!("{field} is given more than once; give it once."),
                ),
            ),
            Fault::UnknownVariant { value, allowed } => {
                let list = allowed.join(", ");
                let value = quote(value);
                (
                    "unknown_variant",
                    Text::new(
                        format!("{field} không nhận giá trị {value}; chọn một trong: {list}."),
                        format!("{field} cannot be {value}; use one of: {list}."),
                    ),
                )
            }
            Fault::InvalidValue {
                expected: Expect::Integer { min, max },
                ..
            } => (
                "out_of_range",
                Text::new(
                    format!("{field} phải là số nguyên từ {min} đến {max}."),
                    format!("{field} must be a whole number from {min} to {max}."),
                ),
            ),
            Fault::InvalidType { expected, .. }
            | Fault::InvalidValue { expected, .. }
            | Fault::Other { expected } => {
                let code = match expected {
                    Expect::Uuid => "invalid_id",
                    Expect::Date | Expect::DateTime => "invalid_date",
                    Expect::Other => "invalid_value",
                    _ => "invalid_type",
                };
                (code, expected.sentence(field))
            }
            Fault::InvalidLength { .. } => (
                "invalid_length",
                Text::new(
                    format!("{field} có số phần tử không đúng."),
                    format!("{field} has the wrong number of items."),
                ),
            ),
        };
        FieldError {
            field: field.to_owned(),
            code,
            message,
        }
    }

    /// Values to try in place of the faulty one.
    fn placeholders(&self) -> Vec<Value> {
        match self {
            Fault::UnknownVariant { allowed, .. } => allowed
                .iter()
                .take(1)
                .map(|v| Value::from(v.as_str()))
                .collect(),
            Fault::InvalidType { expected, .. }
            | Fault::InvalidValue { expected, .. }
            | Fault::InvalidLength { expected }
            | Fault::Other { expected } => {
                let mut v = expected.placeholders();
                v.extend(any_placeholders());
                v
            }
            Fault::Missing(_) | Fault::Unknown { .. } | Fault::Duplicate(_) => any_placeholders(),
        }
    }
}

/// What the names of a request are called in messages.
#[derive(Debug, Clone, Copy)]
enum Noun {
    Field,
    Parameter,
}

/// Marks an error whose path was tracked inside a value that serde had to buffer (an
/// internally tagged enum): `MARK path-as-json MARK message`. Only [`locate`] reads it.
const MARK: char = '\u{1}';

/// Deserialises `value` as `T` with the path of any error kept, for a `Deserialize` impl that
/// buffers its input; see [`crate::routes::postings::PostingBody`].
pub fn nested<T: DeserializeOwned, E: serde::de::Error>(
    value: &Value,
    prefix: &[&str],
) -> Result<T, E> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let mut steps: Vec<Value> = prefix.iter().map(|s| Value::from(*s)).collect();
        steps.extend(path_steps(e.path()).into_iter().map(|s| match s {
            Step::Key(k) => Value::from(k),
            Step::Index(i) => Value::from(i),
        }));
        E::custom(format!("{MARK}{}{MARK}{}", Value::Array(steps), e.inner()))
    })
}

/// An error raised inside such a buffered value, at `field`.
pub fn nested_error<E: serde::de::Error>(field: &str, message: impl std::fmt::Display) -> E {
    E::custom(format!(
        "{MARK}{}{MARK}{message}",
        Value::Array(vec![Value::from(field)])
    ))
}

fn path_steps(path: &serde_path_to_error::Path) -> Vec<Step> {
    path.iter()
        .filter_map(|s| match s {
            serde_path_to_error::Segment::Seq { index } => Some(Step::Index(*index)),
            serde_path_to_error::Segment::Map { key } => Some(Step::Key(key.clone())),
            _ => None,
        })
        .collect()
}

/// Where the error is, and what it is.
fn locate(value: &Value, mut steps: Vec<Step>, message: &str) -> (Vec<Step>, Fault) {
    let mut message = message.to_owned();
    while let Some(rest) = message.strip_prefix(MARK) {
        let Some((path, inner)) = rest.split_once(MARK) else {
            break;
        };
        if let Ok(Value::Array(more)) = serde_json::from_str::<Value>(path) {
            steps.extend(more.into_iter().filter_map(|s| {
                match s {
                    Value::String(k) => Some(Step::Key(k)),
                    Value::Number(n) => n
                        .as_u64()
                        .and_then(|i| usize::try_from(i).ok())
                        .map(Step::Index),
                    _ => None,
                }
            }));
        }
        message = inner.to_owned();
    }
    let fault = Fault::classify(&message);
    match &fault {
        // An unknown key is already on the path; a missing one is not.
        Fault::Missing(f) | Fault::Duplicate(f) | Fault::Unknown { field: f, .. }
            if steps.last() != Some(&Step::Key(f.clone())) =>
        {
            steps.push(Step::Key(f.clone()));
        }
        Fault::InvalidType { unexpected, .. } | Fault::InvalidValue { unexpected, .. } => {
            // Inside a value serde buffered, the path stops at the container: find the leaf.
            if let Some(inner) = get(value, &steps)
                && (inner.is_object() || inner.is_array())
                && let Some(found) = find_leaf(inner, &|v| {
                    describe_leaf(v).as_deref() == Some(unexpected.as_str())
                })
            {
                steps.extend(found);
            }
        }
        Fault::UnknownVariant { value: wanted, .. } => {
            if let Some(inner) = get(value, &steps)
                && (inner.is_object() || inner.is_array())
                && let Some(found) = find_leaf(inner, &|v| v.as_str() == Some(wanted.as_str()))
            {
                steps.extend(found);
            }
        }
        _ => {}
    }
    (steps, fault)
}

/// How serde names a leaf value in "invalid type: ..." messages.
fn describe_leaf(v: &Value) -> Option<String> {
    match v {
        Value::Null => Some("null".into()),
        Value::Bool(b) => Some(format!("boolean `{b}`")),
        Value::String(s) => Some(format!("string {s:?}")),
        Value::Number(n) if n.is_f64() => n.as_f64().map(|f| format!("floating point `{f}`")),
        Value::Number(n) => Some(format!("integer `{n}`")),
        _ => None,
    }
}

fn find_leaf(value: &Value, matches: &dyn Fn(&Value) -> bool) -> Option<Vec<Step>> {
    match value {
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            find_leaf(v, matches).map(|mut rest| {
                rest.insert(0, Step::Key(k.clone()));
                rest
            })
        }),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| {
            find_leaf(v, matches).map(|mut rest| {
                rest.insert(0, Step::Index(i));
                rest
            })
        }),
        leaf => matches(leaf).then(Vec::new),
    }
}

fn get<'v>(value: &'v Value, steps: &[Step]) -> Option<&'v Value> {
    steps.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get(k.as_str()),
        Step::Index(i) => v.get(*i),
    })
}

/// Puts `new` at `steps` (adding the last key to its object); `None` removes it.
fn set(value: &mut Value, steps: &[Step], new: Option<Value>) -> bool {
    let Some((last, parent)) = steps.split_last() else {
        return match new {
            Some(n) => {
                *value = n;
                true
            }
            None => false,
        };
    };
    let mut target = value;
    for step in parent {
        let next = match step {
            Step::Key(k) => target.get_mut(k.as_str()),
            Step::Index(i) => target.get_mut(*i),
        };
        match next {
            Some(n) => target = n,
            None => return false,
        }
    }
    match (last, target, new) {
        (Step::Key(k), Value::Object(map), Some(n)) => {
            map.insert(k.clone(), n);
            true
        }
        (Step::Key(k), Value::Object(map), None) => map.remove(k).is_some(),
        (Step::Index(i), Value::Array(items), Some(n)) if *i < items.len() => {
            items[*i] = n;
            true
        }
        (Step::Index(i), Value::Array(items), None) if *i < items.len() => {
            items.remove(*i);
            true
        }
        _ => false,
    }
}

/// Deserialises `value` as `T`, or lists every field that does not fit: each error is
/// recorded, the faulty value replaced by one of its kind (an unknown field removed), and the
/// value read again, a bounded number of times.
fn deserialize_all<T: DeserializeOwned>(mut value: Value) -> Result<T, Vec<FieldError>> {
    let mut errors: Vec<FieldError> = Vec::new();
    // The field being fixed, and the replacements not tried yet.
    let mut fixing: Option<(Vec<Step>, VecDeque<Value>)> = None;
    for _ in 0..MAX_ATTEMPTS {
        let error = match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(v) if errors.is_empty() => return Ok(v),
            Ok(_) => return Err(errors),
            Err(e) => e,
        };
        let (steps, fault) = locate(&value, path_steps(error.path()), &error.inner().to_string());
        let field = field_name(&steps);
        if let Some((at, candidates)) = &mut fixing
            && field_name(at) == field
        {
            // The last replacement did not help: try the next, or give up.
            if candidates
                .pop_front()
                .is_some_and(|next| set(&mut value, at, Some(next)))
            {
                continue;
            }
            return Err(errors);
        }
        if errors.iter().any(|e| e.field == field) || errors.len() >= MAX_ERRORS {
            return Err(errors);
        }
        errors.push(fault.field_error(&field, Noun::Field));
        let moved = if matches!(fault, Fault::Unknown { .. }) {
            fixing = None;
            set(&mut value, &steps, None)
        } else {
            let mut candidates: VecDeque<Value> = fault.placeholders().into();
            let first = candidates.pop_front();
            fixing = Some((steps.clone(), candidates));
            first.is_some_and(|f| set(&mut value, &steps, Some(f)))
        };
        if !moved {
            return Err(errors);
        }
    }
    Err(errors)
}

/// `QueryConfig` error handler: every unknown or repeated parameter named, in both languages.
pub fn query_error(e: &QueryPayloadError, req: &HttpRequest) -> ApiError {
    let message = match e {
        QueryPayloadError::Deserialize(e) => e.to_string(),
        other => other.to_string(),
    };
    let fault = Fault::classify(&message);
    let mut errors = Vec::new();
    match &fault {
        Fault::Unknown { allowed, .. } => {
            let mut seen = Vec::new();
            for (key, _) in form_urlencoded::parse(req.query_string().as_bytes()) {
                if !allowed.iter().any(|a| *a == key) && !seen.contains(&key) {
                    errors.push(fault.field_error(&escape_controls(&key), Noun::Parameter));
                    seen.push(key);
                }
            }
        }
        Fault::Missing(f) | Fault::Duplicate(f) => {
            errors.push(fault.field_error(&escape_controls(f), Noun::Parameter));
        }
        _ => {}
    }
    if errors.is_empty() {
        errors.push(FieldError {
            field: "query".into(),
            code: "invalid_value",
            message: Text::new(
                "Chuỗi tham số truy vấn không đọc được; xem tài liệu API tại /docs.",
                "The query string could not be read; see the API documentation at /docs.",
            ),
        });
    }
    ApiError::new(ErrorCode::InvalidQuery)
        .detail(
            "Một số tham số truy vấn không hợp lệ, xem danh sách lỗi.",
            "Some query parameters are not valid; see the list of errors.",
        )
        .with_errors(errors)
        .with_cause(message)
}

/// `PathConfig` error handler: names each path parameter that does not parse.
pub fn path_error(e: &PathError, req: &HttpRequest) -> ApiError {
    let message = match e {
        PathError::Deserialize(e) => e.to_string(),
        other => other.to_string(),
    };
    let mut errors = Vec::new();
    for (name, value) in req.match_info().iter() {
        let is_id = name == "id" || name.ends_with("_id");
        let is_year = name == "year";
        if is_id && uuid::Uuid::parse_str(value).is_err() {
            errors.push(FieldError {
                field: name.to_owned(),
                code: "invalid_id",
                message: Expect::Uuid.sentence(name),
            });
        } else if is_year && value.parse::<i32>().is_err() {
            errors.push(FieldError {
                field: name.to_owned(),
                code: "invalid_type",
                message: Text::new(
                    format!("{name} phải là một năm, ví dụ 2026."),
                    format!("{name} must be a year, for example 2026."),
                ),
            });
        }
    }
    if errors.is_empty() {
        errors.push(FieldError {
            field: "path".into(),
            code: "invalid_value",
            message: Text::new(
                "Một tham số trên đường dẫn không hợp lệ; xem tài liệu API tại /docs.",
                "A path parameter is not valid; see the API documentation at /docs.",
            ),
        });
    }
    ApiError::new(ErrorCode::InvalidPathParameter)
        .detail(
            "Tham số trên đường dẫn không hợp lệ, xem danh sách lỗi.",
            "A path parameter is not valid; see the list of errors.",
        )
        .with_errors(errors)
        .with_cause(message)
}

/// Middleware: a control character anywhere in the path or the query string (percent-encoded
/// or not) is refused before any handler sees it: 400 naming the parameter.
pub async fn refuse_control_characters(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::EitherBody<impl MessageBody>>, actix_web::Error> {
    // The web pages answer bad input with their own pages.
    if !crate::app::is_api_path(req.path()) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let mut errors = Vec::new();
    for (key, value) in form_urlencoded::parse(req.query_string().as_bytes()) {
        let bad = key.chars().chain(value.chars()).find(|c| c.is_control());
        if let Some(c) = bad
            && errors.len() < MAX_ERRORS
        {
            errors.push(control_message(&escape_controls(&key), c));
        }
    }
    if !errors.is_empty() {
        let e = ApiError::new(ErrorCode::InvalidQuery)
            .detail(
                "Một số tham số truy vấn không hợp lệ, xem danh sách lỗi.",
                "Some query parameters are not valid; see the list of errors.",
            )
            .with_errors(errors);
        return Ok(req.error_response(e).map_into_right_body());
    }
    let path = percent_encoding::percent_decode_str(req.path()).decode_utf8_lossy();
    if let Some(c) = path.chars().find(|c| c.is_control()) {
        let e = ApiError::new(ErrorCode::InvalidPathParameter)
            .detail(
                "Đường dẫn chứa ký tự điều khiển, không được phép.",
                "The path contains a control character, which is not allowed.",
            )
            .with_errors(vec![control_message("path", c)]);
        return Ok(req.error_response(e).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "only deserialised")]
    struct Row {
        note: Option<String>,
        count: u32,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "only deserialised")]
    struct Body {
        display_name: String,
        age: u32,
        active: bool,
        id: Option<uuid::Uuid>,
        day: Option<chrono::NaiveDate>,
        rows: Vec<Row>,
        shift: Option<Shift>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Shift {
        Day,
        Night,
    }

    fn fields(body: &str) -> Vec<(String, &'static str, String)> {
        match parse_body::<Body>(body.as_bytes()) {
            Ok(_) => Vec::new(),
            Err(e) => e
                .errors
                .iter()
                .map(|f| (f.field.clone(), f.code, f.message.en.clone()))
                .collect(),
        }
    }

    #[test]
    fn every_bad_field_at_once_in_plain_words() {
        let got = fields(
            r#"{"age": "five", "active": 1, "id": "x", "day": "31/12", "rows": [{"count": 1}, {"count": -1, "extra": 2}], "shift": "dusk", "colour": "red"}"#,
        );
        let names: Vec<&str> = got.iter().map(|(f, _, _)| f.as_str()).collect();
        for expected in [
            "age",
            "active",
            "id",
            "day",
            "rows[1].count",
            "rows[1].extra",
            "shift",
            "colour",
            "display_name",
        ] {
            assert!(names.contains(&expected), "{expected} missing from {got:?}");
        }
        for (_, _, message) in &got {
            for leak in ["`", "u32", "line 1", "expected", "18446744073709551615"] {
                assert!(!message.contains(leak), "{message}");
            }
        }
        let by = |f: &str| {
            got.iter()
                .find(|g| g.0 == f)
                .map(|g| g.2.clone())
                .unwrap_or_default()
        };
        assert_eq!(by("age"), "age must be a whole number.");
        assert_eq!(
            by("rows[1].count"),
            "rows[1].count must be a whole number from 0 to 4294967295."
        );
        assert_eq!(by("id"), "id is not a valid id (UUID).");
        assert_eq!(
            by("shift"),
            "shift cannot be \"dusk\"; use one of: day, night."
        );
        assert_eq!(by("display_name"), "display_name is required.");
        assert!(
            by("colour").starts_with(
                "colour is not a field of this request; fields are: display_name, age"
            )
        );
    }

    #[test]
    fn control_characters_are_refused_except_line_breaks_and_tabs() {
        let ok = r#"{"display_name": "a\tb\r\nc", "age": 1, "active": true, "rows": []}"#;
        assert!(fields(ok).is_empty());
        let got = fields(
            r#"{"display_name": "a\u0000b", "age": 1, "active": true, "rows": [{"note": "\u001b[31m", "count": 1}]}"#,
        );
        assert_eq!(
            got.iter().map(|g| (g.0.as_str(), g.1)).collect::<Vec<_>>(),
            vec![
                ("display_name", "control_character"),
                ("rows[0].note", "control_character")
            ]
        );
    }

    /// Request bodies go through [`Json`], so none can skip the checks above.
    #[test]
    fn no_handler_reads_a_body_with_actix_json() -> Result<(), std::io::Error> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/routes");
        let mut stack = vec![root];
        let mut offenders = Vec::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir)?.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path)?;
                // An argument `name: web::Json<...>` is a request body; `-> ... web::Json<...>`
                // and `web::Json(...)` are responses.
                for line in text.lines() {
                    let t = line.trim();
                    if t.contains(": web::Json<") || t.contains(": actix_web::web::Json<") {
                        offenders.push(format!("{}: {t}", path.display()));
                    }
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "use crate::extract::Json: {offenders:?}"
        );
        Ok(())
    }

    #[test]
    fn posting_content_errors_keep_their_paths() {
        let body = br#"{"kind": "course", "title": 5, "seats": -3, "mode": "remote", "colour": 1}"#;
        let e = parse_body::<crate::routes::postings::PostingBody>(body).err();
        let fields: Vec<String> = e
            .map(|e| e.errors.iter().map(|f| f.field.clone()).collect())
            .unwrap_or_default();
        for f in ["title", "seats", "mode", "colour", "description"] {
            assert!(fields.iter().any(|x| x == f), "{f} not in {fields:?}");
        }
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let e = parse_body::<Body>(b"{\n \"age\": 1,,}").err();
        let detail = e.and_then(|e| e.0.detail).map(|d| d.en).unwrap_or_default();
        assert_eq!(
            detail,
            "The body is not valid JSON: there is a mistake at line 2, column 11."
        );
    }
}
