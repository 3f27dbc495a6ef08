//! Distances between coordinates (haversine), for "near me" and service radius.

const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in kilometres.
pub fn haversine_km(lat1: f64, lng1: f64, lat2: f64, lng2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lng2 - lng1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casablanca_to_rabat() {
        let d = haversine_km(33.5731, -7.5898, 34.0209, -6.8416);
        assert!((d - 86.0).abs() < 3.0, "{d}");
    }
}
