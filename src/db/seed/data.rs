//! Word lists and templates for realistic Moroccan demo content (French, Arabic, English).

pub const CATEGORIES_CSV: &str = include_str!("../../../data/categories.csv");
pub const CITIES_CSV: &str = include_str!("../../../data/cities.csv");

/// Categories shown on the home page.
pub const POPULAR: &[&str] =
    &["plomberie", "electricite", "nettoyage", "peinture", "climatisation", "jardinage", "serrurerie", "demenagement"];

pub const FIRST_NAMES: &[(&str, &str)] = &[
    ("Youssef", "يوسف"),
    ("Mohammed", "محمد"),
    ("Hamza", "حمزة"),
    ("Omar", "عمر"),
    ("Karim", "كريم"),
    ("Rachid", "رشيد"),
    ("Abdelilah", "عبد الإله"),
    ("Said", "سعيد"),
    ("Mustapha", "مصطفى"),
    ("Hicham", "هشام"),
    ("Anas", "أنس"),
    ("Ayoub", "أيوب"),
    ("Mehdi", "مهدي"),
    ("Brahim", "إبراهيم"),
    ("Khalid", "خالد"),
    ("Fatima", "فاطمة"),
    ("Khadija", "خديجة"),
    ("Salma", "سلمى"),
    ("Nadia", "نادية"),
    ("Zineb", "زينب"),
    ("Imane", "إيمان"),
    ("Houda", "هدى"),
    ("Meryem", "مريم"),
    ("Samira", "سميرة"),
    ("Latifa", "لطيفة"),
];

pub const LAST_NAMES: &[(&str, &str)] = &[
    ("El Amrani", "العمراني"),
    ("Benali", "بنعلي"),
    ("El Idrissi", "الإدريسي"),
    ("Alaoui", "العلوي"),
    ("Bennani", "بناني"),
    ("Tazi", "التازي"),
    ("Berrada", "برادة"),
    ("Chraibi", "الشرايبي"),
    ("El Fassi", "الفاسي"),
    ("Ouazzani", "الوزاني"),
    ("Lahlou", "لحلو"),
    ("Naciri", "الناصري"),
    ("Amzil", "أمزيل"),
    ("Ait Taleb", "أيت الطالب"),
    ("Boukhris", "بوخريص"),
    ("Zahiri", "الزاهري"),
    ("Kettani", "الكتاني"),
    ("Sebti", "السبتي"),
    ("Haddad", "الحداد"),
    ("Ouali", "الوالي"),
];

pub const NEIGHBOURHOODS: &[&str] = &[
    "Maârif",
    "Hay Riad",
    "Agdal",
    "Gueliz",
    "Hay Mohammadi",
    "Sidi Maarouf",
    "Centre-ville",
    "Médina",
    "Ain Sebaa",
    "Hay Salam",
    "Les Orangers",
    "Bourgogne",
    "Californie",
    "Hay Karima",
    "Nouvelle ville",
];

/// (French, Arabic, English, minutes, pricing: 0 fixed, 1 hourly, 2 quote, base price in dirhams)
pub struct ServiceTemplate {
    pub fr: &'static str,
    pub ar: &'static str,
    pub en: &'static str,
    pub minutes: i32,
    pub pricing: u8,
    pub price_mad: i64,
}

pub const SERVICE_TEMPLATES: &[ServiceTemplate] = &[
    ServiceTemplate {
        fr: "Intervention et dépannage",
        ar: "تدخل وإصلاح الأعطال",
        en: "Call-out and repair",
        minutes: 60,
        pricing: 0,
        price_mad: 150,
    },
    ServiceTemplate {
        fr: "Travaux à l'heure",
        ar: "أشغال بالساعة",
        en: "Hourly work",
        minutes: 120,
        pricing: 1,
        price_mad: 120,
    },
    ServiceTemplate {
        fr: "Diagnostic et devis sur place",
        ar: "تشخيص وعرض سعر في عين المكان",
        en: "On-site assessment and quote",
        minutes: 30,
        pricing: 2,
        price_mad: 0,
    },
    ServiceTemplate {
        fr: "Forfait demi-journée",
        ar: "باقة نصف يوم",
        en: "Half-day package",
        minutes: 240,
        pricing: 0,
        price_mad: 450,
    },
    ServiceTemplate {
        fr: "Installation complète",
        ar: "تركيب كامل",
        en: "Full installation",
        minutes: 180,
        pricing: 0,
        price_mad: 600,
    },
];

pub const REVIEW_COMMENTS: &[(&str, u8)] = &[
    ("Travail propre et rapide, très professionnel. Je recommande vivement.", 5),
    ("Ponctuel, aimable et le prix annoncé a été respecté.", 5),
    ("خدمة ممتازة، جاء في الوقت المحدد وأنجز العمل بإتقان.", 5),
    ("Très bon travail, il a pris le temps d'expliquer le problème.", 5),
    ("Bon travail dans l'ensemble, un peu de retard à l'arrivée.", 4),
    ("عمل جيد وثمن معقول، أنصح به.", 4),
    ("Sérieux et compétent, je referai appel à lui.", 5),
    ("Intervention correcte mais le chantier aurait pu être mieux nettoyé.", 3),
    ("Great job, fast and friendly. Highly recommended.", 5),
    ("Prix un peu élevé mais résultat impeccable.", 4),
];

pub const CLIENT_REVIEW_COMMENTS: &[&str] = &[
    "Client accueillant et clair sur ses besoins. Paiement immédiat.",
    "زبون محترم ومتعاون، شكراً.",
    "Très bon accueil, adresse facile à trouver.",
];

/// Bio in French, Arabic and English for a provider.
pub fn bios(name: (&str, &str), trade: (&str, &str, &str), city: (&str, &str), years: i32) -> (String, String, String) {
    let ((first, first_ar), (trade_fr, trade_ar, trade_en), (city_fr, city_ar)) = (name, trade, city);
    (
        format!(
            "Bonjour, je suis {first}, artisan en {} à {city_fr} depuis {years} ans. Je travaille proprement, je respecte \
             les horaires et je vous donne un prix clair avant de commencer. Matériel professionnel, devis gratuit.",
            trade_fr.to_lowercase()
        ),
        format!(
            "مرحباً، أنا {first_ar}، حرفي في مجال {trade_ar} بمدينة {city_ar} منذ {years} سنوات. أعمل بإتقان وأحترم المواعيد \
             وأعطيكم ثمناً واضحاً قبل بدء العمل. معدات مهنية وعرض سعر مجاني."
        ),
        format!(
            "Hello, I'm {first}, a {} professional in {city_fr} with {years} years of experience. Tidy work, on time, \
             and a clear price before I start. Professional tools, free quotes.",
            trade_en.to_lowercase()
        ),
    )
}
