## About page

about-title = About Khadamat
about-description = Khadamat connects Moroccan households with trustworthy independent craftspeople and professionals: plumbers, electricians, cleaners, gardeners and many more.
about-intro = Finding a good plumber on a Friday evening in Casablanca, a reliable electrician in Fez or a trustworthy cleaner in Agadir should not depend on word of mouth alone. Khadamat was born from a simple idea: to make home services simpler, safer and fairer, both for the people who need them and for the people who provide them.
about-s1-title = Our mission
about-s1-body = Our mission is twofold. First, to give Moroccan households easy access to trustworthy professionals, with clear information to help them choose: speciality, city, rates, availability and reviews from real clients. Second, to help independent craftspeople and workers find new clients, showcase their skills and earn a fair living: Khadamat takes no commission on the price of their work.
about-s2-title = How we choose providers
about-s2-body = Every provider profile is reviewed by our team before it is published. Providers whose identity we have checked receive the “Verified” badge. Only clients whose job actually took place can leave a review, and providers review their clients in turn: trust is built both ways. Reviews are published double-blind and moderated, and we suspend accounts that do not follow our rules.
about-s3-title = Our values
about-s3-body = A few principles guide every decision we make:
about-s3-item1 = Transparent prices, shown in dirhams, with no hidden fees for clients.
about-s3-item2 = A platform available in French, Arabic and English.
about-s3-item3 = A lightweight site, designed to work on entry-level phones and slow connections.
about-s3-item4 = Respect for your privacy: no targeted advertising, no selling of data, only the cookies that are strictly necessary.
about-s4-title = Are you a provider?
about-s4-body = Plumber, electrician, painter, gardener, cleaner or independent craftsperson: creating your profile on Khadamat is free. Present your services and the areas you cover, receive booking requests, talk to your clients through messaging and build your reputation through reviews. To go further, the Club Pro subscription gives you additional benefits to grow your business.
about-s5-title = Contact us
about-s5-body = A question, a suggestion or a partnership to propose? Our team, based in Casablanca, will reply in French, Arabic or English. Write to us at contact@khadamat.ma or use our contact page.
about-contact-link = Contact the Khadamat team
