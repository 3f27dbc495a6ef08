dev-outbox-title = Boîte d’envoi (développement)
dev-outbox-lead = Les e-mails envoyés par le site en développement, du plus récent au plus ancien.
dev-outbox-to = À :
dev-outbox-empty = Aucun e-mail envoyé pour l’instant.
