//! The catalogue's rules: category and city names in French, Arabic and English, URL slugs, icons, order,
//! and a city's position in Morocco.

use crate::domain::validation::{FieldErrors, trimmed};

/// The icons a category may use: the service symbols of `static/img/icons.svg`.
pub const CATEGORY_ICONS: &[&str] = &[
    "plomberie",
    "electricite",
    "peinture",
    "nettoyage",
    "jardinage",
    "serrurerie",
    "menuiserie-bois",
    "aluminium-pvc",
    "maconnerie",
    "carrelage",
    "platrerie",
    "climatisation",
    "chauffe-eau",
    "reparation-electromenager",
    "informatique-reseaux",
    "parabole-tv",
    "vitrerie",
    "toiture-etancheite",
    "ferronnerie",
    "demenagement",
    "traitement-nuisibles",
    "rideaux-stores",
    "montage-meubles",
    "cuisines-placards",
    "salle-de-bain",
    "solaire",
    "sols-parquet",
    "papier-peint",
    "securite-alarme",
    "multi-services",
    "home",
    "sparkles",
    "briefcase",
];

/// A URL slug: 2 to 60 lower-case ASCII letters and digits in words joined by single hyphens.
pub fn valid_slug(slug: &str) -> bool {
    (2..=60).contains(&slug.len())
        && slug.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// The three names, each 2 to 80 characters.
fn names(errors: &mut FieldErrors, fr: &str, ar: &str, en: &str) -> [String; 3] {
    let mut out = [String::new(), String::new(), String::new()];
    let fields = [
        ("name_fr", fr, "catalogue-error-name-fr"),
        ("name_ar", ar, "catalogue-error-name-ar"),
        ("name_en", en, "catalogue-error-name-en"),
    ];
    for (i, (field, value, key)) in fields.into_iter().enumerate() {
        let (name, n) = trimmed(value);
        if !(2..=80).contains(&n) {
            errors.add(field, key);
        }
        out[i] = name;
    }
    out
}

fn slug_of(errors: &mut FieldErrors, value: &str) -> String {
    let slug = value.trim().to_string();
    if !valid_slug(&slug) {
        errors.add("slug", "catalogue-error-slug");
    }
    slug
}

fn position_of(errors: &mut FieldErrors, value: &str) -> i32 {
    match value.trim().parse::<i32>() {
        Ok(p) if (0..=9999).contains(&p) => p,
        _ => {
            errors.add("position", "catalogue-error-position");
            0
        }
    }
}

/// The category form as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct CategoryInput {
    #[serde(default)]
    pub name_fr: String,
    #[serde(default)]
    pub name_ar: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub icon: String,
    #[serde(default)]
    pub position: String,
    /// Checkboxes: present when ticked.
    #[serde(default)]
    pub is_popular: Option<String>,
    #[serde(default)]
    pub is_active: Option<String>,
    /// The row's `updated_at` when the form was shown (a change meanwhile is refused).
    #[serde(default)]
    pub version: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CategoryValues {
    pub names: [String; 3],
    pub slug: String,
    pub icon: String,
    pub position: i32,
    pub is_popular: bool,
    pub is_active: bool,
}

impl CategoryInput {
    pub fn validate(&self) -> Result<CategoryValues, FieldErrors> {
        let mut errors = FieldErrors::new();
        let names = names(&mut errors, &self.name_fr, &self.name_ar, &self.name_en);
        let slug = slug_of(&mut errors, &self.slug);
        if !CATEGORY_ICONS.contains(&self.icon.as_str()) {
            errors.add("icon", "catalogue-error-icon");
        }
        let position = position_of(&mut errors, &self.position);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CategoryValues {
            names,
            slug,
            icon: self.icon.clone(),
            position,
            is_popular: self.is_popular.is_some(),
            is_active: self.is_active.is_some(),
        })
    }
}

/// The city form as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct CityInput {
    #[serde(default)]
    pub name_fr: String,
    #[serde(default)]
    pub name_ar: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub latitude: String,
    #[serde(default)]
    pub longitude: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub is_active: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CityValues {
    pub names: [String; 3],
    pub slug: String,
    pub latitude: f64,
    pub longitude: f64,
    pub position: i32,
    pub is_active: bool,
}

/// Morocco, with a margin: latitude 20.5–36.5° N, longitude 17.5–0.5° W.
fn in_morocco(latitude: f64, longitude: f64) -> bool {
    (20.5..=36.5).contains(&latitude) && (-17.5..=-0.5).contains(&longitude)
}

impl CityInput {
    pub fn validate(&self) -> Result<CityValues, FieldErrors> {
        let mut errors = FieldErrors::new();
        let names = names(&mut errors, &self.name_fr, &self.name_ar, &self.name_en);
        let slug = slug_of(&mut errors, &self.slug);
        let number = |v: &str| v.trim().replace(',', ".").parse::<f64>().ok().filter(|x| x.is_finite());
        let (latitude, longitude) = match (number(&self.latitude), number(&self.longitude)) {
            (Some(lat), Some(lng)) if in_morocco(lat, lng) => (lat, lng),
            _ => {
                errors.add("latitude", "catalogue-error-coordinates");
                (0.0, 0.0)
            }
        };
        let position = position_of(&mut errors, &self.position);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CityValues { names, slug, latitude, longitude, position, is_active: self.is_active.is_some() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        for good in ["plomberie", "salle-de-bain", "a1", "ait-melloul-2"] {
            assert!(valid_slug(good), "{good}");
        }
        for bad in ["", "a", "Plomberie", "salle--de-bain", "-x", "x-", "é-t-é", "a b", &"x".repeat(61)] {
            assert!(!valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn category_and_city_forms_are_checked() {
        let input = CategoryInput {
            name_fr: " Piscines ".into(),
            name_ar: "المسابح".into(),
            name_en: "Pools".into(),
            slug: "piscines".into(),
            icon: "sparkles".into(),
            position: "31".into(),
            is_active: Some("on".into()),
            ..Default::default()
        };
        let ok = input.validate().unwrap();
        assert_eq!((ok.names[0].as_str(), ok.position, ok.is_active, ok.is_popular), ("Piscines", 31, true, false));
        let bad = CategoryInput { icon: "rocket".into(), position: "-1".into(), name_ar: "".into(), ..input };
        let errors = bad.validate().unwrap_err();
        assert!(errors.has("icon") && errors.has("position") && errors.has("name_ar"));

        let city = CityInput {
            name_fr: "Ifrane".into(),
            name_ar: "إفران".into(),
            name_en: "Ifrane".into(),
            slug: "ifrane".into(),
            latitude: "33,5228".into(),
            longitude: "-5.1106".into(),
            position: "40".into(),
            is_active: None,
        };
        assert!((city.validate().unwrap().latitude - 33.5228).abs() < 1e-9);
        let paris = CityInput { latitude: "48.85".into(), longitude: "2.35".into(), ..city.clone() };
        assert!(paris.validate().unwrap_err().has("latitude"));
        let nan = CityInput { latitude: "NaN".into(), ..city };
        assert!(nan.validate().unwrap_err().has("latitude"));
    }

    #[test]
    fn every_icon_is_in_the_sprite() {
        let sprite = include_str!("../../static/img/icons.svg");
        for icon in CATEGORY_ICONS {
            assert!(sprite.contains(&format!("id=\"{icon}\"")), "{icon}");
        }
    }
}
