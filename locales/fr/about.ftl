## Page « À propos »

about-title = À propos de Khadamat
about-description = Khadamat met en relation les foyers marocains avec des artisans et des professionnels indépendants de confiance : plombiers, électriciens, agents d’entretien, jardiniers et bien d’autres.
about-intro = Trouver un bon plombier un vendredi soir à Casablanca, un électricien sérieux à Fès ou une aide ménagère fiable à Agadir ne devrait pas dépendre du seul bouche-à-oreille. Khadamat est née d’une idée simple : rendre les services à domicile plus simples, plus sûrs et plus justes, pour ceux qui les demandent comme pour ceux qui les rendent.
about-s1-title = Notre mission
about-s1-body = Notre mission est double. D’une part, offrir aux foyers marocains un accès simple à des professionnels de confiance, avec des informations claires pour bien choisir : spécialité, ville, tarifs, disponibilités et avis de vrais clients. D’autre part, permettre aux artisans et aux travailleurs indépendants de trouver de nouveaux clients, de faire valoir leur savoir-faire et d’être rémunérés équitablement : Khadamat ne prélève aucune commission sur le prix de leurs interventions.
about-s2-title = Comment nous sélectionnons les prestataires
about-s2-body = Chaque profil de prestataire est examiné par notre équipe avant sa publication. Les prestataires dont nous avons contrôlé l’identité reçoivent le badge « Vérifié ». Seuls les clients dont l’intervention a réellement eu lieu peuvent laisser un avis, et les prestataires évaluent à leur tour leurs clients : la confiance se construit dans les deux sens. Les avis sont publiés en double aveugle et modérés, et nous suspendons les comptes qui ne respectent pas nos règles.
about-s3-title = Nos valeurs
about-s3-body = Quelques principes guident chacune de nos décisions :
about-s3-item1 = Des prix transparents, affichés en dirhams, sans frais cachés pour les clients.
about-s3-item2 = Une plateforme disponible en français, en arabe et en anglais.
about-s3-item3 = Un site léger, conçu pour fonctionner sur les téléphones d’entrée de gamme et avec des connexions lentes.
about-s3-item4 = Le respect de votre vie privée : aucune publicité ciblée, aucune revente de données, uniquement les cookies indispensables.
about-s4-title = Vous êtes prestataire ?
about-s4-body = Plombier, électricien, peintre, jardinier, agent d’entretien ou artisan indépendant : la création de votre profil sur Khadamat est gratuite. Présentez vos services et vos zones d’intervention, recevez des demandes de réservation, échangez avec vos clients par messagerie et bâtissez votre réputation grâce aux avis. Pour aller plus loin, l’abonnement Club Pro vous donne accès à des avantages supplémentaires pour développer votre activité.
about-s5-title = Nous contacter
about-s5-body = Une question, une suggestion, un partenariat à proposer ? Notre équipe, basée à Casablanca, vous répond en français, en arabe ou en anglais. Écrivez-nous à contact@khadamat.ma ou passez par notre page de contact.
about-contact-link = Contacter l’équipe Khadamat
