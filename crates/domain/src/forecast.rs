//! Next year's demand for workers by occupation group and level, from two signals: what
//! enterprises declared they plan to recruit, and the trend of the headcount their job postings
//! asked for. The method, in words, is `METHOD`.

pub const METHOD_VI: &str = "Dự báo nhu cầu năm sau cho mỗi nhóm nghề và trình độ: trung bình của (1) số lao động doanh nghiệp kê khai dự kiến tuyển và (2) xu hướng tin tuyển dụng, tức số lao động các tin đăng năm gần nhất cần tuyển nhân với mức tăng so với năm trước đó (giới hạn từ 0,5 đến 2 lần). Khi chỉ có một trong hai nguồn, dùng nguồn đó. Sai số của các dự báo trước là sai số tuyệt đối trung bình theo phần trăm (MAPE) so với số lao động các tin đăng trong năm được dự báo thực sự cần tuyển.";
pub const METHOD_EN: &str = "Next year's demand for each occupation group and level: the mean of (1) the hires enterprises declared they plan and (2) the postings trend, that is the headcount the last year's job postings asked for times its growth over the year before (limited to 0.5-2x). With only one of the two, that one. The error of past forecasts is the mean absolute percentage error (MAPE) against the headcount job postings actually asked for in the forecast year.";

/// The trend estimate: last year's headcount times its growth, limited to halving or doubling.
pub fn trend(last: u64, before: u64) -> Option<u64> {
    if last == 0 {
        return None;
    }
    let growth = if before == 0 {
        1.0
    } else {
        (last as f64 / before as f64).clamp(0.5, 2.0)
    };
    Some((last as f64 * growth).round() as u64)
}

/// The forecast from the declared plan and the trend, whichever exist.
pub fn forecast(planned: Option<u64>, trend: Option<u64>) -> Option<u64> {
    match (planned.filter(|p| *p > 0), trend) {
        (Some(p), Some(t)) => Some((p + t).div_ceil(2)),
        (Some(p), None) => Some(p),
        (None, t) => t,
    }
}

/// Mean absolute percentage error of (forecast, actual) pairs with an actual above zero.
pub fn mape(pairs: &[(u64, u64)]) -> Option<f64> {
    let errors: Vec<f64> = pairs
        .iter()
        .filter(|(_, a)| *a > 0)
        .map(|(f, a)| (*f as f64 - *a as f64).abs() / *a as f64 * 100.0)
        .collect();
    (!errors.is_empty()).then(|| errors.iter().sum::<f64>() / errors.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forecasts_average_the_plan_and_the_trend() {
        assert_eq!(trend(120, 100), Some(144));
        assert_eq!(trend(100, 10), Some(200), "growth limited to 2x");
        assert_eq!(trend(0, 50), None);
        assert_eq!(forecast(Some(100), Some(144)), Some(122));
        assert_eq!(forecast(None, Some(144)), Some(144));
        assert_eq!(forecast(Some(0), None), None);
        assert_eq!(mape(&[(110, 100), (90, 100), (5, 0)]), Some(10.0));
        assert_eq!(mape(&[]), None);
    }
}
