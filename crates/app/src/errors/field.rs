//! Field errors: one invalid field of a request, with a message a person understands, and the
//! collector that gathers every one of them so the caller learns all in one answer.

use super::{Error, ErrorCode};
use crate::lang::Text;

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
    pub message: Text,
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
    pub fn finish(self) -> Result<(), Error> {
        self.finish_as(
            ErrorCode::ValidationFailed,
            "Một số trường không hợp lệ, xem danh sách lỗi.",
            "Some fields are not valid; see the list of errors.",
        )
    }

    /// The given error listing the errors, if there are any.
    pub fn finish_as(self, code: ErrorCode, vi: &str, en: &str) -> Result<(), Error> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Error::new(code).detail(vi, en).with_errors(self.errors))
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
