//! The table of stable error codes: each with its kind, HTTP status and title in Vietnamese and
//! English. Every face (JSON problems, HTML pages) reads the same table.

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
    InvalidResetToken,
    InvalidResetCode,
}

/// Broad classes of error, for clients that only need to know what to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Kind {
    InvalidRequest,
    Auth,
    NotFound,
    Conflict,
    Unavailable,
    Internal,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The table: code -> (kind, status, title in Vietnamese, title in English).
    pub fn describe(self) -> (Kind, u16, &'static str, &'static str) {
        use ErrorCode::*;
        use Kind::{Auth, InvalidRequest, NotFound, Unavailable};
        match self {
            RouteNotFound => (NotFound, 404, "Không có đường dẫn này", "No such route"),
            ResourceNotFound => (NotFound, 404, "Không tìm thấy", "Not found"),
            MethodNotAllowed => (
                InvalidRequest,
                405,
                "Phương thức không được hỗ trợ",
                "Method not allowed",
            ),
            InvalidQuery => (
                InvalidRequest,
                400,
                "Tham số truy vấn không hợp lệ",
                "Invalid query parameters",
            ),
            InvalidPathParameter => (
                InvalidRequest,
                400,
                "Tham số đường dẫn không hợp lệ",
                "Invalid path parameter",
            ),
            InvalidJson => (
                InvalidRequest,
                400,
                "Nội dung JSON không hợp lệ",
                "Invalid JSON body",
            ),
            InvalidHeader => (
                InvalidRequest,
                400,
                "Tiêu đề HTTP không hợp lệ",
                "Invalid request header",
            ),
            ValidationFailed => (
                InvalidRequest,
                422,
                "Dữ liệu không hợp lệ",
                "Validation failed",
            ),
            UnsupportedMediaType => (
                InvalidRequest,
                415,
                "Kiểu nội dung không được hỗ trợ",
                "Unsupported media type",
            ),
            PayloadTooLarge => (InvalidRequest, 413, "Nội dung quá lớn", "Payload too large"),
            Unauthenticated => (Auth, 401, "Cần đăng nhập", "Authentication required"),
            InvalidCredentials => (Auth, 401, "Sai thông tin đăng nhập", "Wrong login details"),
            InvalidToken => (
                Auth,
                401,
                "Phiên đăng nhập không hợp lệ hoặc đã hết hạn",
                "Invalid or expired access token",
            ),
            InvalidRefreshToken => (
                Auth,
                401,
                "Mã làm mới phiên không hợp lệ",
                "Invalid refresh token",
            ),
            InvalidApiKey => (
                Auth,
                401,
                "Khóa API không hợp lệ hoặc đã bị thu hồi",
                "Invalid or revoked API key",
            ),
            Forbidden => (Auth, 403, "Không có quyền", "Not allowed"),
            Conflict => (
                Kind::Conflict,
                409,
                "Trùng với dữ liệu đã có",
                "Conflicts with existing data",
            ),
            InvalidTransition => (
                Kind::Conflict,
                409,
                "Không thể làm việc này ở trạng thái hiện tại",
                "Not possible in the current state",
            ),
            OrganisationUnverified => (
                Kind::Conflict,
                409,
                "Tổ chức chưa được xác minh",
                "Organisation not verified yet",
            ),
            PreconditionRequired => (
                InvalidRequest,
                428,
                "Thiếu tiêu đề If-Match",
                "If-Match required",
            ),
            PreconditionFailed => (
                Kind::Conflict,
                412,
                "Dữ liệu đã bị thay đổi",
                "Changed since you read it",
            ),
            IdempotencyKeyReused => (
                InvalidRequest,
                422,
                "Idempotency-Key đã dùng cho yêu cầu khác",
                "Idempotency-Key used for another request",
            ),
            RateLimited => (Unavailable, 429, "Quá nhiều yêu cầu", "Too many requests"),
            DatabaseUnavailable => (
                Unavailable,
                503,
                "Cơ sở dữ liệu tạm thời không truy cập được",
                "Database temporarily unavailable",
            ),
            SearchUnavailable => (
                Unavailable,
                503,
                "Tìm kiếm tạm thời không dùng được",
                "Search temporarily unavailable",
            ),
            Self::Internal => (Kind::Internal, 500, "Lỗi hệ thống", "Internal error"),
            OrganisationRefused => (
                Auth,
                403,
                "Tổ chức đã bị từ chối xác minh",
                "Organisation refused by staff",
            ),
            InvalidResetToken => (
                Auth,
                401,
                "Liên kết đặt lại mật khẩu không dùng được",
                "Password reset link not valid",
            ),
            InvalidResetCode => (
                Auth,
                401,
                "Mã đặt lại mật khẩu không đúng",
                "Password reset code not valid",
            ),
        }
    }
}
