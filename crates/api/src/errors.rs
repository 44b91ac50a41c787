//! Every error the API answers with, as RFC 9457 problem+json: one table of stable codes, each
//! with its status and title in Vietnamese and English, and the one middleware that renders them.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::lang::{Lang, Text};

/// Media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Stable error codes: part of the public API. Clients match on these, never on messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum ErrorCode {
    RouteNotFound,
    ResourceNotFound,
    MethodNotAllowed,
    InvalidQuery,
    InvalidPathParameter,
    InvalidJson,
    InvalidHeader,
    ValidationFailed,
    UnsupportedMediaType,
    PayloadTooLarge,
    Unauthenticated,
    InvalidCredentials,
    InvalidToken,
    InvalidRefreshToken,
    InvalidApiKey,
    Forbidden,
    Conflict,
    InvalidTransition,
    OrganisationUnverified,
    PreconditionRequired,
    PreconditionFailed,
    IdempotencyKeyReused,
    RateLimited,
    DatabaseUnavailable,
    SearchUnavailable,
    Internal,
    OrganisationRefused,
}

/// Broad classes of error, for clients that only need to know what to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    InvalidRequest,
    Auth,
    NotFound,
    Conflict,
    Unavailable,
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The table: code -> (kind, status, title in Vietnamese, title in English).
    pub fn describe(self) -> (Kind, StatusCode, &'static str, &'static str) {
        use ErrorCode::*;
        use Kind::{Auth, InvalidRequest, NotFound, Unavailable};
        match self {
            RouteNotFound => (
                NotFound,
                StatusCode::NOT_FOUND,
                "Không có đường dẫn này",
                "No such route",
            ),
            ResourceNotFound => (
                NotFound,
                StatusCode::NOT_FOUND,
                "Không tìm thấy",
                "Not found",
            ),
            MethodNotAllowed => (
                InvalidRequest,
                StatusCode::METHOD_NOT_ALLOWED,
                "Phương thức không được hỗ trợ",
                "Method not allowed",
            ),
            InvalidQuery => (
                InvalidRequest,
                StatusCode::BAD_REQUEST,
                "Tham số truy vấn không hợp lệ",
                "Invalid query parameters",
            ),
            InvalidPathParameter => (
                InvalidRequest,
                StatusCode::BAD_REQUEST,
                "Tham số đường dẫn không hợp lệ",
                "Invalid path parameter",
            ),
            InvalidJson => (
                InvalidRequest,
                StatusCode::BAD_REQUEST,
                "Nội dung JSON không hợp lệ",
                "Invalid JSON body",
            ),
            InvalidHeader => (
                InvalidRequest,
                StatusCode::BAD_REQUEST,
                "Tiêu đề HTTP không hợp lệ",
                "Invalid request header",
            ),
            ValidationFailed => (
                InvalidRequest,
                StatusCode::UNPROCESSABLE_ENTITY,
                "Dữ liệu không hợp lệ",
                "Validation failed",
            ),
            UnsupportedMediaType => (
                InvalidRequest,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Kiểu nội dung không được hỗ trợ",
                "Unsupported media type",
            ),
            PayloadTooLarge => (
                InvalidRequest,
                StatusCode::PAYLOAD_TOO_LARGE,
                "Nội dung quá lớn",
                "Payload too large",
            ),
            Unauthenticated => (
                Auth,
                StatusCode::UNAUTHORIZED,
                "Cần đăng nhập",
                "Authentication required",
            ),
            InvalidCredentials => (
                Auth,
                StatusCode::UNAUTHORIZED,
                "Sai thông tin đăng nhập",
                "Wrong login details",
            ),
            InvalidToken => (
                Auth,
                StatusCode::UNAUTHORIZED,
                "Phiên đăng nhập không hợp lệ hoặc đã hết hạn",
                "Invalid or expired access token",
            ),
            InvalidRefreshToken => (
                Auth,
                StatusCode::UNAUTHORIZED,
                "Mã làm mới phiên không hợp lệ",
                "Invalid refresh token",
            ),
            InvalidApiKey => (
                Auth,
                StatusCode::UNAUTHORIZED,
                "Khóa API không hợp lệ hoặc đã bị thu hồi",
                "Invalid or revoked API key",
            ),
            Forbidden => (Auth, StatusCode::FORBIDDEN, "Không có quyền", "Not allowed"),
            Conflict => (
                Kind::Conflict,
                StatusCode::CONFLICT,
                "Trùng với dữ liệu đã có",
                "Conflicts with existing data",
            ),
            InvalidTransition => (
                Kind::Conflict,
                StatusCode::CONFLICT,
                "Không thể làm việc này ở trạng thái hiện tại",
                "Not possible in the current state",
            ),
            OrganisationUnverified => (
                Kind::Conflict,
                StatusCode::CONFLICT,
                "Tổ chức chưa được xác minh",
                "Organisation not verified yet",
            ),
            PreconditionRequired => (
                InvalidRequest,
                StatusCode::PRECONDITION_REQUIRED,
                "Thiếu tiêu đề If-Match",
                "If-Match required",
            ),
            PreconditionFailed => (
                Kind::Conflict,
                StatusCode::PRECONDITION_FAILED,
                "Dữ liệu đã bị thay đổi",
                "Changed since you read it",
            ),
            IdempotencyKeyReused => (
                InvalidRequest,
                StatusCode::UNPROCESSABLE_ENTITY,
                "Idempotency-Key đã dùng cho yêu cầu khác",
                "Idempotency-Key used for another request",
            ),
            RateLimited => (
                Unavailable,
                StatusCode::TOO_MANY_REQUESTS,
                "Quá nhiều yêu cầu",
                "Too many requests",
            ),
            DatabaseUnavailable => (
                Unavailable,
                StatusCode::SERVICE_UNAVAILABLE,
                "Cơ sở dữ liệu tạm thời không truy cập được",
                "Database temporarily unavailable",
            ),
            SearchUnavailable => (
                Unavailable,
                StatusCode::SERVICE_UNAVAILABLE,
                "Tìm kiếm tạm thời không dùng được",
                "Search temporarily unavailable",
            ),
            Self::Internal => (
                Kind::Internal,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Lỗi hệ thống",
                "Internal error",
            ),
            OrganisationRefused => (
                Auth,
                StatusCode::FORBIDDEN,
                "Tổ chức đã bị từ chối xác minh",
                "Organisation refused by staff",
            ),
        }
    }
}

/// A posting state as words that complete "Tin ... / A posting that is ...".
fn posting_state_words(state: &str) -> (&str, &str) {
    match state {
        "draft" => ("đang là bản nháp", "still a draft"),
        "pending" => ("đang chờ duyệt", "waiting for review"),
        "published" => ("đã được đăng", "published"),
        "rejected" => ("đã bị từ chối", "rejected"),
        "closed" => ("đã đóng", "closed"),
        "expired" => ("đã hết hạn", "expired"),
        "removed" => ("đã bị gỡ", "removed"),
        other => (other, other),
    }
}

/// A posting transition as the verb of "không thể ... / cannot be ...".
fn posting_transition_words(transition: &str) -> (&str, &str) {
    match transition {
        "edit" => ("sửa", "edited"),
        "submit" => ("gửi duyệt", "submitted for review"),
        "approve" => ("duyệt", "approved"),
        "reject" => ("từ chối", "rejected"),
        "remove" => ("gỡ", "removed"),
        "close" => ("đóng", "closed"),
        "expire" => ("đánh dấu hết hạn", "marked expired"),
        other => (other, other),
    }
}

/// An application status as words that complete "Đơn ứng tuyển ... / An application that is ...".
fn application_status_words(status: &str) -> (&str, &str) {
    match status {
        "received" => ("mới được nhận", "received"),
        "shortlisted" => ("đã vào danh sách chọn", "shortlisted"),
        "interview" => ("đang ở vòng phỏng vấn", "at interview"),
        "hired" => ("đã được tuyển", "hired"),
        "rejected" => ("đã bị từ chối", "rejected"),
        "withdrawn" => ("đã được rút", "withdrawn"),
        other => (other, other),
    }
}

/// An application status, in Vietnamese, as the target of a move.
fn application_target_vi(status: &str) -> &str {
    match status {
        "received" => "mới nhận",
        "shortlisted" => "vào danh sách chọn",
        "interview" => "phỏng vấn",
        "hired" => "đã tuyển",
        "rejected" => "từ chối",
        "withdrawn" => "rút đơn",
        other => other,
    }
}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
    pub message: Text,
}

/// An error on its way to the client. `cause` is logged, never sent.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub code: ErrorCode,
    pub detail: Option<Box<Text>>,
    pub errors: Vec<FieldError>,
    /// Headers that tell the client how to go on (`Allow`, `Retry-After`).
    headers: Vec<(header::HeaderName, String)>,
    cause: Option<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode) -> ApiError {
        ApiError {
            code,
            detail: None,
            errors: Vec::new(),
            headers: Vec::new(),
            cause: None,
        }
    }

    pub fn detail(mut self, vi: impl Into<String>, en: impl Into<String>) -> ApiError {
        self.detail = Some(Box::new(Text::new(vi, en)));
        self
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> ApiError {
        self.errors = errors;
        self
    }

    /// Keeps the cause for the log (never sent).
    pub fn with_cause(mut self, cause: impl std::fmt::Display) -> ApiError {
        self.cause = Some(cause.to_string());
        self
    }

    pub fn header(mut self, name: header::HeaderName, value: impl Into<String>) -> ApiError {
        self.headers.push((name, value.into()));
        self
    }

    /// An internal failure: the client sees only a generic message, the log gets `cause`.
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        ApiError {
            cause: Some(cause.to_string()),
            ..ApiError::new(ErrorCode::Internal)
        }
    }

    /// A resource the client asked for by id does not exist (or is not theirs to see).
    pub fn not_found(what_vi: &str, what_en: &str, id: &str) -> ApiError {
        ApiError::new(ErrorCode::ResourceNotFound).detail(
            format!("Không tìm thấy {what_vi} {id}."),
            format!("No {what_en} {id}."),
        )
    }

    fn status(&self) -> StatusCode {
        self.code.describe().1
    }

    /// The problem document in the client's language.
    pub fn problem(&self, lang: Lang, instance: &str, request_id: Option<String>) -> Problem {
        let (_, status, title_vi, title_en) = self.code.describe();
        let title = match lang {
            Lang::Vi => title_vi,
            Lang::En => title_en,
        };
        Problem {
            r#type: format!("urn:labour-market:problem:{}", self.code.as_str()),
            title: title.to_owned(),
            status: status.as_u16(),
            detail: self
                .detail
                .as_ref()
                .map_or_else(|| title.to_owned(), |d| d.get(lang).to_owned()),
            code: self.code.as_str(),
            instance: instance.to_owned(),
            request_id,
            errors: self
                .errors
                .iter()
                .map(|e| ProblemField {
                    field: e.field.clone(),
                    code: e.code,
                    message: e.message.get(lang).to_owned(),
                })
                .collect(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code.as_str())?;
        if let Some(cause) = &self.cause {
            write!(f, ": {cause}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status()
    }

    /// A bare response; [`render_problems`] fills in the body in the client's language.
    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(self.status()).finish()
    }
}

impl From<labour_store::Error> for ApiError {
    fn from(e: labour_store::Error) -> ApiError {
        use labour_store::Error as E;
        match e {
            E::Pool(_) | E::Connect(_) => ApiError {
                cause: Some(e.to_string()),
                ..ApiError::new(ErrorCode::DatabaseUnavailable).detail(
                    "Hệ thống đang bận hoặc bảo trì, vui lòng thử lại sau ít phút.",
                    "The service is busy or under maintenance; please try again in a few minutes.",
                )
            },
            other => ApiError::internal(other),
        }
    }
}

/// Maps a refused domain value to a field error with a message a person understands.
pub fn field_error(field: &str, e: &labour_domain::Error) -> FieldError {
    use labour_domain::Error as D;
    let message = match e {
        D::TaxCodeFormat => Text::new(
            "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số với chi nhánh.",
            "A tax code is 10 digits, or 10 digits, a hyphen and 3 digits for a branch.",
        ),
        D::TaxCodeChecksum => Text::new(
            "Mã số thuế không đúng (chữ số kiểm tra không khớp).",
            "The tax code is not valid (its check digit does not match).",
        ),
        D::CommuneCodeFormat => Text::new(
            "Mã xã, phường gồm đúng 5 chữ số, ví dụ 06184.",
            "A commune code is exactly 5 digits, for example 06184.",
        ),
        D::OccupationCodeFormat => Text::new(
            "Mã nghề là mã nhóm nghề cấp 4 gồm 4 chữ số, ví dụ 7212.",
            "An occupation code is a 4-digit unit group code, for example 7212.",
        ),
        D::UnknownVariant {
            value, expected, ..
        } => Text::new(
            format!("Giá trị \"{value}\" không hợp lệ; chọn một trong: {expected}."),
            format!("\"{value}\" is not allowed; use one of: {expected}."),
        ),
        D::EmailFormat => Text::new(
            "Địa chỉ email không hợp lệ.",
            "This is not a valid email address.",
        ),
        D::PhoneFormat => Text::new(
            "Số điện thoại di động Việt Nam gồm 10 chữ số, ví dụ 0912 345 678.",
            "A Vietnamese mobile number has 10 digits, for example 0912 345 678.",
        ),
        D::IdentifierFormat => Text::new(
            "Nhập email hoặc số điện thoại di động.",
            "Enter an email address or a mobile number.",
        ),
        D::PasswordTooShort { min } => Text::new(
            format!("Mật khẩu cần ít nhất {min} ký tự."),
            format!("The password needs at least {min} characters."),
        ),
        D::PasswordTooLong { max } => Text::new(
            format!("Mật khẩu tối đa {max} ký tự."),
            format!("The password can have at most {max} characters."),
        ),
        D::DisplayNameLength { max } => Text::new(
            format!("Tên cần từ 1 đến {max} ký tự."),
            format!("The name needs 1 to {max} characters."),
        ),
        D::LicenceNumberLength => Text::new(
            "Số giấy chứng nhận đăng ký hoạt động cần từ 1 đến 50 ký tự.",
            "The licence number needs 1 to 50 characters.",
        ),
        D::TextLength { min, max } => Text::new(
            format!("Cần từ {min} đến {max} ký tự."),
            format!("Needs {min} to {max} characters."),
        ),
        D::OutOfRange { min, max } => Text::new(
            format!("Phải từ {min} đến {max}."),
            format!("Must be from {min} to {max}."),
        ),
        D::MinAboveMax => Text::new(
            "Mức tối thiểu lớn hơn mức tối đa.",
            "The minimum is above the maximum.",
        ),
        D::EndBeforeStart => Text::new(
            "Ngày kết thúc trước ngày bắt đầu.",
            "The end is before the start.",
        ),
        D::DateInPast => Text::new("Ngày này đã qua.", "This date has passed."),
        D::DateTooFar => Text::new(
            "Ngày này xa hơn hai năm tới.",
            "This date is more than two years ahead.",
        ),
        D::TooMany { max } => Text::new(
            format!("Tối đa {max} mục."),
            format!("At most {max} items."),
        ),
        D::Required => Text::new("Cần điền trường này.", "This field is required."),
        D::TransitionNotAllowed { from, transition } => {
            let (state_vi, state_en) = posting_state_words(from);
            let (verb_vi, verb_en) = posting_transition_words(transition);
            Text::new(
                format!("Tin {state_vi} nên không thể {verb_vi}."),
                format!("A posting that is {state_en} cannot be {verb_en}."),
            )
        }
        D::ConsentRequired => Text::new(
            "Chỉ lưu thông tin này khi bạn đồng ý (consents).",
            "This is kept only with your consent (consents).",
        ),
        D::CitizenIdFormat => Text::new(
            "Số căn cước công dân gồm 12 chữ số.",
            "A citizen id (CCCD) has 12 digits.",
        ),
        D::PageOutOfRange { max } => Text::new(
            format!(
                "Số trang (page) phải là số nguyên từ 1 đến {}.",
                thousands(*max, '.')
            ),
            format!(
                "page must be a whole number from 1 to {}.",
                thousands(*max, ',')
            ),
        ),
        D::PerPageOutOfRange { max } => Text::new(
            format!("Số mục mỗi trang phải từ 1 đến {max}."),
            format!("per_page must be from 1 to {max}."),
        ),
        D::Duplicate => Text::new(
            "Dòng này trùng với một dòng trước.",
            "This row repeats an earlier one.",
        ),
        D::PartAboveWhole => Text::new(
            "Số này lớn hơn tổng số lao động của dòng.",
            "This is larger than the row's number of workers.",
        ),
        D::SearchTooDeep { max } => Text::new(
            format!(
                "Chỉ xem được {} kết quả đầu tiên của một tìm kiếm; hãy giảm số trang (page) hoặc thu hẹp tìm kiếm.",
                thousands(*max, '.')
            ),
            format!(
                "Only the first {} results can be paged; ask for a lower page or narrow the search.",
                thousands(*max, ',')
            ),
        ),
        D::ApplicationMoveNotAllowed { from, to } => {
            let (from_vi, from_en) = application_status_words(from);
            Text::new(
                format!(
                    "Đơn ứng tuyển {from_vi} nên không thể chuyển sang trạng thái «{}».",
                    application_target_vi(to)
                ),
                format!("An application that is {from_en} cannot be moved to {to}."),
            )
        }
    };
    FieldError {
        field: field.to_owned(),
        code: e.code(),
        message,
    }
}

/// A whole number with its thousands separated (`.` in Vietnamese, `,` in English).
fn thousands(n: u32, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Collects every invalid field of a request, so the client learns all of them in one answer.
#[derive(Debug, Default)]
pub struct FieldErrors {
    errors: Vec<FieldError>,
}

impl FieldErrors {
    /// The value, or `None` with the error recorded against `field`.
    pub fn check<T>(&mut self, field: &str, result: Result<T, labour_domain::Error>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(field_error(field, &e));
                None
            }
        }
    }

    pub fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.errors
    }

    /// 422 `validation_failed` listing the errors, if there are any.
    pub fn finish(self) -> Result<(), ApiError> {
        self.finish_as(
            ErrorCode::ValidationFailed,
            "Một số trường không hợp lệ, xem danh sách lỗi.",
            "Some fields are not valid; see the list of errors.",
        )
    }

    /// The given error listing the errors, if there are any.
    pub fn finish_as(self, code: ErrorCode, vi: &str, en: &str) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::new(code).detail(vi, en).with_errors(self.errors))
        }
    }
}

/// RFC 9457 problem details, with this API's stable `code` and field `errors`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the problem type; stable for each `code`.
    #[schema(example = "urn:labour-market:problem:invalid_query")]
    pub r#type: String,
    pub title: String,
    pub status: u16,
    /// What went wrong, for a person, in the language asked for (Vietnamese by default).
    pub detail: String,
    /// Stable machine-readable code.
    #[schema(example = "invalid_query")]
    pub code: &'static str,
    /// The path of the request.
    pub instance: String,
    /// Quote this when asking for help; it finds the request in the logs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemField {
    /// The query parameter, path parameter or JSON field at fault.
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

/// The code for an error response that did not come from an [`ApiError`] (actix's own 404 and
/// 405, for instance).
fn code_for_status(status: StatusCode) -> ErrorCode {
    match status {
        StatusCode::NOT_FOUND => ErrorCode::RouteNotFound,
        StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
        StatusCode::SERVICE_UNAVAILABLE => ErrorCode::DatabaseUnavailable,
        StatusCode::UNAUTHORIZED => ErrorCode::Unauthenticated,
        StatusCode::FORBIDDEN => ErrorCode::Forbidden,
        StatusCode::TOO_MANY_REQUESTS => ErrorCode::RateLimited,
        s if s.is_client_error() => ErrorCode::InvalidQuery,
        _ => ErrorCode::Internal,
    }
}

/// Middleware: every 4xx and 5xx leaves as problem+json in the client's language. Internal
/// causes are logged here, once, and never sent.
pub async fn render_problems(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let lang = Lang::from_headers(req.headers());
    let path = req.path().to_owned();
    let res = next.call(req).await?;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(res.map_into_left_body());
    }
    let api_error = match res
        .response()
        .error()
        .and_then(|e| e.as_error::<ApiError>())
    {
        Some(e) => e.clone(),
        None => {
            let mut e = ApiError::new(code_for_status(status));
            if status.is_server_error() {
                e.cause = res.response().error().map(ToString::to_string);
            }
            e
        }
    };
    if let Some(cause) = &api_error.cause {
        if status.is_server_error() {
            tracing::error!(code = api_error.code.as_str(), error = %cause, "request failed");
        } else {
            tracing::warn!(code = api_error.code.as_str(), error = %cause, "request refused");
        }
    }
    let request_id = res
        .request()
        .extensions()
        .get::<tracing_actix_web::RequestId>()
        .map(ToString::to_string);
    let problem = api_error.problem(lang, &path, request_id);
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    let (req, old) = res.into_parts();
    let mut new = HttpResponse::build(api_error.status());
    // Keep what tells the client how to go on (Allow on a 405, Retry-After later).
    for name in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
        if let Some(v) = old.headers().get(&name) {
            new.insert_header((name, v.clone()));
        }
    }
    for (name, value) in &api_error.headers {
        if let Ok(v) = HeaderValue::from_str(value) {
            new.insert_header((name.clone(), v));
        }
    }
    new.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
    new.insert_header((
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    ));
    Ok(ServiceResponse::new(req, new.body(body)).map_into_right_body())
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    /// Every code is documented in docs/errors.md with its status, and raised somewhere.
    #[test]
    fn every_code_is_documented_and_used() -> Result<(), std::io::Error> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let docs = std::fs::read_to_string(root.join("../../docs/errors.md"))?;
        let mut sources = String::new();
        let mut stack = vec![root.join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir)?.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let text = std::fs::read_to_string(path)?;
                    // This test module names every code; it must not count as a use.
                    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                    sources.push_str(code);
                }
            }
        }
        for code in ErrorCode::iter() {
            assert!(
                docs.contains(&format!("`{}`", code.as_str())),
                "{code:?} is not in docs/errors.md"
            );
            let (_, status, _, _) = code.describe();
            assert!(
                docs.contains(&format!("`{}` | {}", code.as_str(), status.as_u16())),
                "docs/errors.md gives {code:?} another status than {status}"
            );
            let variant = format!("{code:?}");
            assert!(
                sources.contains(&format!("ErrorCode::{variant}")),
                "{code:?} is never raised"
            );
        }
        Ok(())
    }

    #[test]
    fn problems_pick_the_language() {
        let e = ApiError::not_found("khu công nghiệp", "zone", "x");
        let vi = e.problem(Lang::Vi, "/p", None);
        let en = e.problem(Lang::En, "/p", None);
        assert_eq!((vi.status, vi.code), (404, "resource_not_found"));
        assert_eq!(vi.detail, "Không tìm thấy khu công nghiệp x.");
        assert_eq!(en.detail, "No zone x.");
        assert_eq!(en.title, "Not found");
    }
}
