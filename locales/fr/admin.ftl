admin-providers-title = Prestataires à approuver
admin-providers-empty = Aucun prestataire en attente.
admin-approve = Approuver
admin-reject = Refuser
admin-reject-reason = Motif du refus
admin-error-reason = Indiquez un motif de 5 à 1 000 caractères : le prestataire le recevra.
