// Generated from docs/openapi.yaml by `npm run gen:types` (openapi-typescript); do not edit.
// Change docs/openapi.yaml and run the command again; web/src/shared/types.ts names these types.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness check */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Sets the session and CSRF cookies. A wrong password and an unknown login get the
         *     same 401 answer. After too many failures for one login within 15 minutes
         *     (`TADAIMA_LOGIN_MAX_FAILURES`, default 5) the answer is 429. Needs no CSRF header.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out (ends the session, clears the cookies) */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the own password
         * @description `new_password` is 8..200 characters and differs from the current one. A wrong
         *     `current_password` answers 400 naming `current_password`. Every other session of
         *     the user ends; this one stays, and `must_change_password` becomes false.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization of the signed-in staff member */
        get: operations["organization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/facilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List facilities (facility_staff see only their own) */
        get: operations["listFacilities"];
        put?: never;
        /** Create a facility (org_admin) */
        post: operations["createFacility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/facilities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Read a facility */
        get: operations["getFacility"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a facility (org_admin) */
        patch: operations["updateFacility"];
        trace?: never;
    };
    "/api/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List staff (org_admin) */
        get: operations["listStaff"];
        put?: never;
        /** Create a staff account (org_admin); it must change its password at first sign-in */
        post: operations["createStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a staff account (org_admin) */
        patch: operations["updateStaff"];
        trace?: never;
    };
    "/api/v1/families": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List or search families (staff; facility_staff see families enrolled at their facilities) */
        get: operations["listFamilies"];
        put?: never;
        /**
         * Register a family with its guardians and children (staff)
         * @description Each guardian of the answer carries `initial_password`, shown only here.
         *     `facility_ids` enrolls at once (active): each child at after_school and nursery
         *     facilities, the family at drop_in ones. facility_staff must give facility_ids
         *     within their own facilities.
         */
        post: operations["createFamily"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/families/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Read a family (staff, its guardians) */
        get: operations["getFamily"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a family's name, address or phone (staff) */
        patch: operations["updateFamily"];
        trace?: never;
    };
    "/api/v1/families/{id}/children": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a child to a family (staff) */
        post: operations["addChild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/families/{id}/guardians": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite another guardian to a family (its guardians, staff) */
        post: operations["inviteGuardian"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/children/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Read a child (staff, its guardians) */
        get: operations["getChild"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a child (staff; its guardians only may_leave_alone) */
        patch: operations["updateChild"];
        trace?: never;
    };
    "/api/v1/children/{id}/care": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The child's allergies, medical needs and staff notes (staff of its facilities, audited; its guardians) */
        get: operations["getChildCare"];
        /** Change the child's care texts (staff of its facilities; its guardians, not notes) */
        put: operations["putChildCare"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/children/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Who read or changed the child's records, its care texts included (staff of its facilities)
         * @description Newest first, at most 200. Guardians 403 staff_only.
         */
        get: operations["getChildAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guardians/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a guardian (staff; the guardian itself) */
        patch: operations["updateGuardian"];
        trace?: never;
    };
    "/api/v1/guardians/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a new initial password (staff)
         * @description The guardian's sessions end; it must change the password at its next sign-in.
         */
        post: operations["resetGuardianPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List enrollments (staff) */
        get: operations["listEnrollments"];
        put?: never;
        /**
         * Enroll a child or a family at a facility
         * @description Staff enroll (active). A guardian of the family may ask for a drop_in facility
         *     with `family_id`; the enrollment is pending until staff approve it.
         */
        post: operations["createEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End an enrollment (staff) */
        delete: operations["deleteEnrollment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending enrollment (staff) */
        post: operations["approveEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/form": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public pre-registration form of an organization (anyone)
         * @description A signed form token that POST /registrations needs: valid from min_fill_seconds
         *     after it was issued (a form sent sooner gets 400 filled_too_fast; sending it again
         *     later succeeds) for 24 hours (then 400 form_expired). Also the drop-in rooms the
         *     registration covers.
         */
        get: operations["registrationForm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The review queue (org_admin, staff of a drop-in room)
         * @description Oldest first. Pending registrations carry their possible duplicates: families (or
         *     other pending registrations) with a child of the same name or furigana and birth
         *     date (`same_child`), or a phone of the same digits (`same_phone`).
         */
        get: operations["listRegistrations"];
        put?: never;
        /**
         * Send a pre-registration (anyone)
         * @description One registration covers every room of the organization. The answer is the same
         *     whether or not the family is already known. A form whose hidden field `website` is
         *     filled is answered like an accepted one and kept nowhere. At most 20 forms an hour
         *     from one address (`TADAIMA_REGISTRATIONS_PER_HOUR`), then 429 too_many_registrations.
         */
        post: operations["submitRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** One registration (org_admin, staff of a drop-in room) */
        get: operations["getRegistration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a registration into a new family, or merge it into a known one
         * @description Creates the family, its children and a login for each guardian (initial passwords
         *     shown once here; the window letter issues fresh ones). With merge_into_family_id
         *     (a family the staff member may edit) the guardians are added to it, the children not
         *     already in it (same name or furigana and birth date) too, and its empty address and
         *     phone filled. 409 registration_decided when it is no longer pending.
         */
        post: operations["approveRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registrations/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a registration with a reason */
        post: operations["rejectRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/families/{id}/invitation.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * The family's window letter (登録案内状), with fresh initial passwords
         * @description An A4 page: each guardian's login and a fresh initial password (every earlier
         *     initial password stops working and its sessions end; a guardian who already chose
         *     a password is listed without one), the parents' app address and its QR, the steps.
         *     Staff who may edit the family; staff of a drop-in room also for a family approved
         *     from a registration and enrolled nowhere yet.
         */
        get: operations["familyInvitationPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The window letters of several families in one PDF, a page each */
        post: operations["invitationsPdf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every drop-in room of the organization with the family's enrollment there (guardian) */
        get: operations["myRooms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for the family to join a drop-in room (guardian); pending until its staff approve */
        post: operations["enrollInRoom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/facilities/{id}/walk-ins": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The room's paper forms of a range of days, newest first (staff of the room) */
        get: operations["listWalkIns"];
        put?: never;
        /**
         * Enter a paper visitor form (利用者票) of a drop-in room (staff of the room)
         * @description A visit (組) with its adults and children, method `paper`, counted in every statistic.
         *     Each child gives exactly one of birth_date, age_months (completed months on the visit's
         *     day) and grade. The same client_id again answers 200 with the form recorded first.
         *     Another kind of facility answers 400 not_drop_in.
         */
        post: operations["createWalkIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/walk-ins/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a mistyped paper form; audited with what it said */
        delete: operations["deleteWalkIn"];
        options?: never;
        head?: never;
        /** Link a paper form to a family, or unlink it (null); audited */
        patch: operations["updateWalkIn"];
        trace?: never;
    };
    "/api/v1/families/{id}/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The family's consultation records, newest first (staff and administrators); audited (consultation.read) */
        get: operations["listConsultations"];
        put?: never;
        /**
         * Record a consultation of the family (staff at a room they cover, administrators)
         * @description Shared by the rooms the family uses, whichever wrote it; never shown to the family
         *     (guardians and other organizations get 404, kiosks 403). The body is sealed at rest with the configured key; 503
         *     consultation_key_missing when the server has none. Audited (consultation.create).
         */
        post: operations["createConsultation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/families/{id}/consultations.csv": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The family's records as CSV (UTF-8 with BOM) for a transfer; audited (consultation.export) */
        get: operations["exportConsultations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consultations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a consultation record (staff and administrators); audited (consultation.update) */
        patch: operations["updateConsultation"];
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who read or changed a family's records, consultations included (administrators)
         * @description Newest first, at most 500. Anyone else gets 404.
         */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/families": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import families and children from a CSV file (administrators; docs/import.md)
         * @description The body is the file itself (UTF-8 with or without a BOM, or Shift_JIS), one row per
         *     child. `dry_run=true` answers the report of what would be created; otherwise a file
         *     with no error is imported in the background, in one transaction (nothing or all),
         *     and the answer is the job to poll. Families already known (the same child, or the
         *     same phone) are skipped. Imported guardians have a login and no password yet: the
         *     window letter gives them one.
         */
        post: operations["importFamilies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * An import's progress and outcome (administrators)
         * @description Jobs are kept in the server's memory (the latest 20); another process's or an older one is 404, as is any job to anyone but the organization's administrators.
         */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/facilities/{id}/kiosks": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** List the kiosks paired for a facility (staff of it) */
        get: operations["listKiosks"];
        put?: never;
        /**
         * Pair a kiosk device for a facility (staff of it)
         * @description The answer carries the kiosk's bearer `token`, shown only here; the server keeps
         *     only a hash of it. The device sends it as `Authorization: Bearer <token>`.
         */
        post: operations["pairKiosk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kiosks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a kiosk (staff of its facility); its token stops working at once */
        delete: operations["revokeKiosk"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kiosk/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling kiosk and its facility (kiosk token) */
        get: operations["kioskMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kiosk/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the kiosk's staff menu with the facility's staff PIN, for 5 minutes
         * @description While unlocked the kiosk may search the facility's children and stamp one by name (a child who forgot the card). Five wrong PINs in a row lock the PIN out for 5 minutes (429 too_many_pin_attempts); a facility without a PIN answers 409 no_kiosk_pin.
         */
        post: operations["unlockKiosk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kiosk/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the kiosk's staff menu at once */
        post: operations["lockKiosk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kiosk/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The facility's enrolled children by name or furigana (unlocked kiosk only)
         * @description At most 20, by furigana; never care notes. A locked kiosk answers 403 kiosk_locked.
         */
        get: operations["kioskChildren"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/children/{id}/credential": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * The child's current QR credential (staff, its guardians)
         * @description Version 1 until reissued.
         */
        get: operations["getChildCredential"];
        put?: never;
        /** Reissue the child's credential (staff, its guardians); older versions are refused from now on */
        post: operations["reissueChildCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/families/{id}/credential": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * The family's current QR credential (staff, its guardians)
         * @description Version 1 until reissued. A family code stamps the family's children (drop-in rooms).
         */
        get: operations["getFamilyCredential"];
        put?: never;
        /** Reissue the family's credential (staff, its guardians); older versions are refused from now on */
        post: operations["reissueFamilyCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/children/{id}/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The QR code of the child's current credential as SVG (staff, its guardians) */
        get: operations["childQrSvg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/children/{id}/qr.png": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The QR code of the child's current credential as PNG (staff, its guardians) */
        get: operations["childQrPng"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/families/{id}/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The QR code of the family's current credential as SVG (staff, its guardians) */
        get: operations["familyQrSvg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/families/{id}/qr.png": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The QR code of the family's current credential as PNG (staff, its guardians) */
        get: operations["familyQrPng"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/children/{id}/card.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * The child's printable card (staff, its guardians)
         * @description An A6-sized card with the child's name and kana, the facility name(s) and the QR code.
         */
        get: operations["childCardPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/facilities/{id}/cards.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * A4 sheets of cards with cut marks for a facility (staff of it)
         * @description after_school and nursery: one card per enrolled child. drop_in: one card per
         *     enrolled family, showing the family name and its children's names.
         */
        get: operations["facilityCardsPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stamps/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What a scanned code names, before stamping (kiosk of the facility, staff of it)
         * @description Records nothing. Refuses a code exactly as `POST /api/v1/stamps` does. For a
         *     family code, `children` are the family's children enrolled at the facility (at a
         *     drop_in facility: every child of the enrolled family).
         */
        post: operations["previewStamp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stamps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stamp an arrival or a departure (kiosk of the facility, staff of it)
         * @description `direction: auto` (the default) makes an arrival when the child is not present and a
         *     departure when it is. A second scan of the same child within the facility's
         *     `duplicate_window_seconds` (default 60) answers `duplicate` and records nothing.
         *     The same `client_id` again answers 200 with the first answer and changes nothing.
         *     `scanned_at` (a queued kiosk's scan time) must lie between `offline_retention_hours`
         *     (default 72) ago and 2 minutes ahead of the server's clock; visits take their times
         *     from it. A family credential stamps `child_ids` (default: every child of the family
         *     enrolled at the facility) and answers `{results, pickup_choices}`.
         *
         *     Refusals (400 invalid_argument, nothing recorded): `fields.credential` "is not a
         *     Tadaima code" (malformed, bad signature, another organization's), "has been
         *     replaced by a newer card" (an older version), "is not enrolled at this facility";
         *     `fields.scanned_at`; `fields.client_id` when missing; `fields.child_ids` naming a
         *     child outside the family. A kiosk naming another facility gets 403; staff naming a
         *     facility outside theirs get 404. `direction: in` for a present child or `out` for
         *     an absent one answers 409.
         */
        post: operations["stamp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}/pickup": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record who picked a child up (kiosk of its facility within 10 minutes of the departure; staff)
         * @description The departure's notifications not yet delivered, and the in-app one, are reworded with the pick-up (お迎え：… / ひとりで帰りました).
         */
        post: operations["setVisitPickup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/facilities/{id}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * The day's children of a facility with their status (staff of it)
         * @description Each enrolled child with its plan for the day and its latest visit that began that
         *     day. See `DayStatus` for the statuses.
         */
        get: operations["roster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/facilities/{id}/on-site": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * The children in the facility now, with whom to call (an evacuation, an emergency)
         * @description Staff covering the facility (guardians and kiosks 403; a facility outside the staff
         *     member's, or of another organization, 404). Every child whose latest visit of the
         *     organization's today has no departure, in order of arrival, with the family's phone
         *     number (the number to call) and the guardians' names, relations and e-mail addresses.
         */
        get: operations["onSite"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Visits counted by day, month, age band, hour or school grade (staff)
         * @description Every visit (an arrival: a QR stamp, a manual stamp) whose in_at falls in [from, to] in the organization's time zone is counted once, corrections and auto-closed visits included; the figures reconcile with GET /api/v1/visits for the same facility and days. Without facility_id: every facility the caller covers. Age band and grade are the child's on the visit's day. day and month list every day or month of the range (zeros included), hour every hour 00-23, age_band the six bands (and その他 when any), grade the grades seen, day_hour ("2027-06-01 15", for a heat map) only the hours that had a visit.
         */
        get: operations["visitStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Planned against arrived, per day (staff)
         * @description Per day of [from, to]: children with an attend plan, how many of them arrived, absence reports, not-arrived alerts raised, and arrivals without a plan. Without facility_id: every facility the caller covers.
         */
        get: operations["planStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/columns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The columns the organization's monthly report files show, the defaults and every choice (staff) */
        get: operations["getReportColumns"];
        /**
         * Choose the report's columns and their order (org_admin; audited)
         * @description No national form fixes the columns of the 利用者実績表: each list names the figures, in
         *     order, of the XLSX, CSV and PDF tables of drop-in rooms and nurseries (the
         *     organization's total adds 延長(分) when it is not chosen) and of after-school clubs.
         *     A list left out goes back to its defaults. The JSON report always carries every figure.
         */
        put: operations["putReportColumns"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/monthly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The monthly usage report (利用者実績表) of a facility, or of every facility (org_admin)
         * @description A drop-in room or nursery: per day the visits (組), children by age band, adults, first-time families and course participants, then the month's totals and open days. An after-school club: per day the children present by school year, then per child the days attended and the minutes after the regular closing time (延長). Without facility_id (org_admin only) every facility, a sheet (xlsx), page (pdf) or block (csv) each, plus the total. A day is open unless a closure covers it. json is the same figures as data.
         */
        get: operations["monthlyReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List visits, newest first (staff; facility_staff see their facilities'; guardians their child's)
         * @description Guardians must give `child_id`, a child of their own family (another family's child
         *     answers 404), and may not ask for CSV.
         *     `format=csv` answers text/csv in UTF-8 with a BOM, a header row
         *     `日付,施設,児童,入館,退館,お迎え,方法,要確認` and one line per visit.
         */
        get: operations["listVisits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Correct a visit's times (staff of its facility)
         * @description Needs a `reason`; keeps an audit entry with the visit before and after, and clears
         *     `needs_review`. `out_at` before `in_at` answers 400 and changes nothing.
         */
        patch: operations["correctVisit"];
        trace?: never;
    };
    "/api/v1/push/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server's VAPID public key (for PushManager.subscribe) */
        get: operations["pushPublicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guardian's in-app inbox, newest first */
        get: operations["listInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every inbox item read */
        post: operations["readAllNotifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one inbox item read */
        post: operations["readNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guardian's channels, quiet hours and language */
        get: operations["getPreferences"];
        /**
         * Replace the guardian's preferences
         * @description During quiet hours push and e-mail wait until they end; in-app items arrive at once.
         *     Not-arrived alerts (and emergency messages) are sent at once on every channel the
         *     guardian can be reached on, whatever these choices say.
         */
        put: operations["putPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/push-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The guardian's registered devices */
        get: operations["listPushSubscriptions"];
        put?: never;
        /**
         * Register this browser for Web Push (its PushSubscription.toJSON())
         * @description The endpoint must be https on a host of TADAIMA_PUSH_ALLOWED_HOSTS (the major browser
         *     push services by default; loopback hosts on the list may use http). The same endpoint
         *     again answers 200 with its keys updated; an endpoint registered by another guardian of
         *     the same family (a shared tablet) moves to this one; another family's answers 409.
         */
        post: operations["createPushSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/push-subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop push on one device (its pending pushes are cancelled) */
        delete: operations["deletePushSubscription"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events the signed-in user may see
         * @description `text/event-stream`. First `event: hello`, then as they happen: `stamp`
         *     (`{result, visit}`; guardians of the child's family, staff of the facility),
         *     `roster` (`{facility_id, date}`; staff of the facility), `notification`
         *     (`{notification}`; the guardian), `plan` (`{child_id, date}`), `thread`
         *     (`{thread_id, facility_id}`: a contact thread was written or read; staff of the facility
         *     and the family's guardians, who fetch their counts again). Every `data` is one line
         *     of JSON with a `type`. A `: ping` comment comes every 20 s. With PostgreSQL, events cross
         *     server processes through LISTEN/NOTIFY.
         */
        get: operations["liveEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries of the staff member's facilities, newest first */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** One delivery with every attempt */
        get: operations["getNotification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead notification again (audited) */
        post: operations["retryNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/children/{id}/plans": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** A child's plans by date (its guardians, staff; facility_staff see their facilities') */
        get: operations["listPlans"];
        /**
         * Write a child's plans for many days at once (its guardians, staff of the facility)
         * @description One transaction: any bad day answers 400 naming `days[i].<field>` and nothing is
         *     stored. Rules: 1–100 days, no date twice, real dates within a year of today,
         *     guardians not before today (the organization's time zone), arrive_at before
         *     leave_at, times and pickup_by only with `attend`, pickup_by at most 50 characters,
         *     reason at most 200 (with `attend` a note, with `absent` the reason).
         *     `status: none` deletes the day's plan.
         *     A day whose values change is marked `late` when changed after the facility's
         *     deadline (see Facility), loses its acknowledgement, and (when its status or arrival
         *     time changes) may be raised as not arrived again. A day sent unchanged keeps
         *     everything. `facility_id` may be left out when the child is enrolled at exactly one
         *     facility; another family's child, or a facility outside a facility_staff's, answers 404.
         */
        put: operations["putPlans"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 連絡（未確認） — plans of the staff member's facilities waiting for a look
         * @description Staff only (guardians 403). The plans that wait for staff: not acknowledged, and
         *     an absence or a late change (`late`). Staff's own changes are acknowledged as they
         *     are made, so these are guardians' changes. Only children still enrolled at the
         *     plan's facility. org_admin see the organization's facilities, facility_staff the
         *     facilities they cover; a `facility_id` outside those (or unknown) answers 404
         *     naming `facility_id`. Sorted by date, then `updated_at` (the change), then id.
         *     A line leaves the list when acknowledged (`POST /plans/{id}/acknowledge`) and
         *     comes back when a guardian changes the plan again; the `plan` live event
         *     (`GET /me/events`) tells when to fetch it again.
         */
        get: operations["listPendingPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Staff of the plan's facility mark it seen (absence reports 確認中 → 確認済)
         * @description Acknowledging an acknowledged plan changes nothing. Guardians get 403.
         */
        post: operations["acknowledgePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in guardian's children, their facilities and today's status */
        get: operations["myChildren"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audiences/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * How many families, guardians and children an audience reaches today
         * @description Staff only (guardians 403). The count a sender sees before sending a message, a survey
         *     or a course announcement to `audience`. A family is in the audience when it has an
         *     **active** enrollment (its own, or one of its children's) at one of `facility_ids`
         *     (every facility the sender may reach when absent) **and** at least one such child
         *     matches every child filter given (`child_ids`, `grades`, `age_months`, computed for the
         *     organization's today) **and**, when `family_ids` is given, it is one of them. `{}` is
         *     every family the sender may reach. `children` counts the matching children of those
         *     families (all their counted children without a child filter), `guardians` their
         *     guardians. A facility of another organization (or unknown) answers 404 naming
         *     `audience.facility_ids[i]`; one of the organization that a facility_staff does not
         *     cover 403 `not_your_facility`. Families and children of another organization, or (for
         *     facility_staff) not enrolled at their facilities, answer 404 naming the id.
         */
        post: operations["previewAudience"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The messages the staff member may manage, newest first
         * @description Staff only (guardians 403). org_admin see every message of the organization,
         *     facility_staff the messages whose facilities (`facility_ids`) are all theirs. A
         *     `facility_id` outside those (or unknown) answers 404 naming `facility_id`; a `status`
         *     outside the three 400 naming `status` (`not_a_choice`).
         */
        get: operations["listMessages"];
        put?: never;
        /**
         * Send a message (お知らせ) to an audience, now or at `send_at` (staff)
         * @description Staff only (guardians 403). The audience is the one of `POST /audiences/preview`: a
         *     family it reaches gets the message on the guardians' chosen `channels` (quiet hours
         *     hold push and e-mail back; in-app arrives at once). `priority: emergency` is an
         *     emergency notice: it is sent at once on every channel a guardian can be reached on,
         *     whatever `channels` and quiet hours say, and shows as a banner in the parents' app, on
         *     the kiosk and on the roster (`GET /emergencies`) until staff end it
         *     (`POST /messages/{id}/end`); it takes no `send_at` (400 `emergency_at_once`).
         *     With `send_at` the message is `scheduled` and goes out then, to the families the
         *     audience reaches at that time; `recipients` counts whom it would reach today.
         *     Sending now to an audience that reaches no family answers 400 naming `audience`
         *     (`no_recipients`). `attachment_ids` are ids from `POST /attachments`; facility_staff
         *     may attach only their own uploads, and an id that is not one the sender may attach
         *     answers 404 naming `attachment_ids[i]` (`no_such_attachment`). A facility of another
         *     organization (or unknown) answers 404 naming `audience.facility_ids[i]`, one the
         *     facility_staff does not cover 403 `not_your_facility`; families and children outside
         *     the sender's reach 404 naming the id. The same `client_id` again answers 200 with the
         *     first answer and changes nothing (409 `taken` when that message is not one the caller
         *     may manage). `send_at` more than 366 days ahead answers 400 `beyond_a_year`, one not in
         *     the future `not_future`.
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * One message (staff who may manage it; guardians of a family it reached)
         * @description Staff who may manage the message get the `StaffMessage` (audience, channels and
         *     counts); a guardian of a family the sent message reached gets the `FamilyMessage`
         *     (with the family's `read_at`, no audience or receipts). Anyone else gets 404.
         */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        /**
         * Cancel a scheduled message (staff)
         * @description A scheduled message is cancelled (`status: cancelled`, `cancelled_at`) and never
         *     goes out; cancelling a cancelled one again answers 204 too. A sent message answers
         *     409 `already_sent`.
         */
        delete: operations["cancelMessage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End an emergency notice (staff)
         * @description The emergency notice stops showing as a banner (it leaves `GET /emergencies`);
         *     `ended_at` and `ended_by` are set. 409 `not_emergency` for a normal message,
         *     `not_sent_yet` for one not sent, `already_ended` for one ended before.
         */
        post: operations["endMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Which families the message reached and which have read it (staff)
         * @description One line per family the sent message reached (none while scheduled): whether it was
         *     delivered on some channel, when and by which guardian the family first read it, and
         *     how many reminders it was sent.
         */
        get: operations["messageReceipts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/remind": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the message again to the families that have not read it (staff)
         * @description Each press is recorded (the receipts' `reminders` of those families go up by one).
         *     A scheduled or cancelled message answers 409 `not_sent_yet`.
         */
        post: operations["remindMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sent messages that reached the guardian's family, newest first
         * @description Guardians only (staff 403). Each message with the family's `read_at`.
         */
        get: operations["listMyMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/messages/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The guardian's family has read the message
         * @description Any guardian of the family reading it marks the family read (the first reader's
         *     time and name stay); a repeat changes nothing. A message that did not reach the
         *     family answers 404.
         */
        post: operations["readMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emergencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The emergency notices in force (sent and not ended), newest first
         * @description The banners to show. Staff see the notices addressing one of their facilities
         *     (org_admin: any of the organization), guardians their family's, kiosks (bearer token)
         *     their facility's.
         */
        get: operations["listEmergencies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file to attach to a message (staff)
         * @description Staff only (guardians 403). The body is the file itself (not JSON), with its
         *     `Content-Type`: a PDF, PNG or JPEG of at most 10 MiB whose first bytes are of that
         *     type. Refusals (400 invalid_argument, nothing stored): `fields.name` (`empty`,
         *     `too_long`, `path_in_name`, `multiline`), `fields.content_type` (`file_type`),
         *     `fields.body` (`file_too_large`, `file_not_its_type`). A body much larger than
         *     10 MiB is not read to its end: 413. The id goes into `attachment_ids` of
         *     `POST /messages`.
         */
        post: operations["uploadAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * The file of an attachment
         * @description For the uploader, org_admin, staff who may manage a message with it, and guardians
         *     of a family a sent message with it reached; anyone else gets 404. Answered with its
         *     content type, `X-Content-Type-Options: nosniff` and
         *     `Content-Disposition: inline; filename="attachment.pdf"; filename*=UTF-8''<name>`
         *     (the ASCII stand-in is `attachment.pdf`, `attachment.png` or `attachment.jpg` by type;
         *     the name percent-encoded, RFC 6266 and 8187).
         */
        get: operations["getAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/threads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The reader's contact threads, the most recently written first
         * @description Guardians see their family's threads, facility staff those of their facilities,
         *     org_admin every facility's (kiosks 403). `unread` counts the posts the reader's side
         *     has not read; `unread_threads` how many threads of the filter (cursor aside) have
         *     any — the count in the staff's navigation. `facility_id` of a facility the staff
         *     member does not work at is 404.
         */
        get: operations["listThreads"];
        put?: never;
        /**
         * A guardian opens a contact thread with a facility about a child
         * @description Guardians only (staff 403). The child must be of the guardian's family and enrolled
         *     at the facility (its own enrollment or the family's): another family's child, or an
         *     unknown one, is 404 (`fields.child_id` `no_such_child`); a facility of the
         *     organization where the child is not enrolled is 400 (`fields.facility_id`
         *     `not_enrolled`). `subject` (one line, ≤ 100 characters) defaults to the start of the
         *     body's first line; `body` is 1..2,000 characters. The thread belongs to the family:
         *     every guardian of it reads and writes it. A `client_id` seen before from this family
         *     answers the first thread and its first post (200), writing nothing. The facility's
         *     staff get a live `thread` event.
         */
        post: operations["createThread"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/threads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * A contact thread and its posts, in order (the first 1,000)
         * @description For the family's guardians and the facility's staff; anyone else 404. Reading marks
         *     every post read for the reader's side (the family, or the facility's staff), which
         *     the other members of that side learn by a live `thread` event.
         */
        get: operations["getThread"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/threads/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write in a contact thread
         * @description For the family's guardians and the facility's staff; anyone else 404. Once the family
         *     has no active enrollment at the facility the thread is read-only: 409
         *     `thread_closed`. The writer's side has read everything before its post. A staff
         *     post is told to the family's guardians on the channels they chose for messages
         *     (push and e-mail after their quiet hours; the e-mail carries the whole post and the
         *     link `/app/threads/<id>`); every post is a live `thread` event to both sides. A
         *     `client_id` seen before in the thread answers the first post (200), writing nothing.
         */
        post: operations["postToThread"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Surveys, newest first (staff the ones they manage; guardians those that reached the family)
         * @description org_admin see every survey of the organization, facility_staff those whose facilities
         *     are all theirs (`StaffSurvey`, with `respondents`); a guardian sees the surveys that
         *     reached the family (`FamilySurvey`, with `answered`, without the answers). `open=true`
         *     keeps only the surveys not yet closed.
         */
        get: operations["listSurveys"];
        put?: never;
        /**
         * Send a survey (アンケート) to an audience (staff)
         * @description Staff only (guardians 403). The audience is the one of `POST /audiences/preview`, taken
         *     when the survey is sent: the families it reaches then are the survey's families
         *     (`families`), each of which may answer once (any of its guardians, replacing the answer
         *     until `closes_at`). The guardians are told on `channels` (default push and in-app;
         *     quiet hours apply), with the link `/app/surveys/<id>`. `closes_at` must lie in the
         *     future (400 `not_future`) and within 366 days (`beyond_a_year`). Question ids are
         *     unique (`duplicate_question`); `single` and `multiple` questions need 2..30 distinct
         *     options (`options_needed`, `duplicate_option`), the other kinds none
         *     (`options_not_allowed`). An audience that reaches no family answers 400 naming
         *     `audience` (`no_recipients`); facilities, families and children outside the sender's
         *     reach answer as for messages. The same `client_id` again answers 200 with the first
         *     survey, changing nothing.
         */
        post: operations["createSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * One survey (staff who manage it; guardians of a family it reached, with the family's answers)
         * @description Staff who may manage the survey get the `StaffSurvey`; a guardian of a family it
         *     reached the `FamilySurvey` with `answers` (null until the family answered). Anyone
         *     else 404.
         */
        get: operations["getSurvey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a survey now (staff who manage it)
         * @description No body. Answers are refused from now on; closing a closed survey is harmless.
         */
        post: operations["closeSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/{id}/response": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * The family's answers (any guardian of a family the survey reached), replaced until it closes
         * @description One response per family: a second PUT, by any of its guardians, replaces the first
         *     (sending the same answers again changes nothing but is answered alike). `answers`
         *     maps question ids to values: `single` one of its options, `multiple` a list of
         *     distinct options, `text` 1..2000 characters, `date` `YYYY-MM-DD`, `number` a JSON
         *     number. A required question left out (or empty) answers 400 naming
         *     `answers.<question id>` (`required`), a value of the wrong kind `wrong_answer_kind`,
         *     an option not offered `not_an_option`, an unknown question id
         *     `unknown_question`. After `closes_at` 409 `survey_closed`. Staff 403; guardians of
         *     families the survey did not reach 404.
         */
        put: operations["answerSurvey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * The results (staff who manage the survey), as JSON or as a file
         * @description `counts` for `single` and `multiple` questions (every option, 0 included; a JSON
         *     object, so read the options' order from the survey's `options`), `values` for the others (the answers given, oldest response first).
         *     `format=csv` is one row a responding family (family name, answered at, answered by,
         *     then a column per question; a `multiple` answer's options joined by "、") in UTF-8
         *     with a byte-order mark, or with `encoding=shift_jis` in Windows-31J (what Excel on a
         *     Japanese PC opens; a character it cannot hold becomes "?"). `format=xlsx` is a
         *     workbook with the same rows (numbers as numbers) and a sheet of the counts.
         */
        get: operations["surveyResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/surveys/{id}/remind": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remind the families that have not answered (staff who manage it)
         * @description No body. After `closes_at` 409 `survey_closed`. Answers how many families it reached (0 when all answered).
         */
        post: operations["remindSurvey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calendar between two days, by starts_at (staff; guardians their facilities')
         * @description The entries overlapping the days `from`..`to` (the organization's zone; default today and
         *     60 days on; at most 366 days, `range_too_long`), cancelled ones included (`status:
         *     cancelled`). Staff see their facilities' entries and the organization's; a guardian those
         *     of the facilities where the family has an active enrollment, and the organization's, each
         *     with the family's `application`. `facility_id` narrows to one facility (and the
         *     organization's entries); one the caller may not see answers 404.
         */
        get: operations["listEvents"];
        put?: never;
        /**
         * Add a closure (休館日), an event (行事) or a course (講座) to the calendar (staff)
         * @description Staff only. With `facility_id` the entry belongs to that facility (facility_staff: one of
         *     theirs, else 403 `not_your_facility`); without it to every facility of the organization
         *     (org_admin only, else 403 `org_admin_only`). `ends_at` must be after `starts_at`
         *     (`not_after_starts_at`) and within 31 days of it (`event_too_long`); an all-day entry runs
         *     from midnight to midnight in the organization's zone (`all_day` is then true in the answer).
         *     `capacity`, `age_months` and `apply_until` are for courses only (`course_only`);
         *     `apply_until` must not be after `starts_at` (`apply_until_after_start`); a course without
         *     `apply_until` takes applications until it starts, one without `capacity` has no limit.
         *
         *     A **closure** changes its days at the facility (each day of the organization's zone it
         *     overlaps): the roster shows `closure`, plans for those days are refused (409
         *     `facility_closed`), no not-arrived alert is raised, and the guardians of the children
         *     planned to attend on those days are told at once — for a closure that includes today as
         *     an emergency (every channel, quiet hours ignored). With `announce` the entry is also
         *     told to the families of the facility (a course: the families with a child of its ages)
         *     on `announce.channels`. The same `client_id` again answers 200 with the first entry.
         */
        post: operations["createEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** One entry (staff of its facility; guardians of a family enrolled there) */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        /**
         * Cancel an entry (staff of its facility; the organization's entries org_admin)
         * @description The entry stays in the calendar as `cancelled`; a course's applications are cancelled and
         *     their families told; a closure's days are open again and the guardians it was told to are
         *     told. Cancelling again is harmless (204).
         */
        delete: operations["cancelEvent"];
        options?: never;
        head?: never;
        /**
         * Change an entry (staff of its facility; the organization's entries org_admin)
         * @description The fields given change, checked as on creation. A course's `capacity` may not go below
         *     the seats already confirmed (409 `below_confirmed`); a larger one gives the new seats to
         *     the waitlist in order (those families are told). When the time or place of a course or
         *     event changes, its applicants are told; when a closure moves, the guardians of the
         *     children planned on its days then are told. A cancelled entry answers 409
         *     `event_cancelled`.
         */
        patch: operations["updateEvent"];
        trace?: never;
    };
    "/api/v1/events/{id}/event.ics": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The entry as an iCalendar file of one event (to add it to a phone's calendar) */
        get: operations["eventIcs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** A course's applicants (staff of its facility) */
        get: operations["listApplications"];
        put?: never;
        /**
         * Apply for a course (guardians for their children; staff by hand)
         * @description Each child takes one seat. The application is `confirmed` when its seats are free and
         *     nobody waits before it, else `waitlisted` with its `position` (1 = next): seats freed
         *     later go to the waitlist strictly in order, so a family needing two seats is never
         *     passed over by a later one needing one (its `waiting_for_seats` says how many it
         *     waits for). Two guardians applying for the last seat at once get one confirmed and one
         *     waitlisted. A child not of the family (staff: not of the organization, or children of
         *     several families) answers 404 naming `child_ids[i]`; one not enrolled at the course's
         *     facility 400 `not_enrolled`, outside `age_months` 400 `outside_age_range`; a child
         *     already applied 409 `already_applied`; not a course 409 `not_a_course`; cancelled 409
         *     `event_cancelled`; after `apply_until` (staff: after the start) 409
         *     `applications_closed`. The same `client_id` again answers 200 with the first application.
         */
        post: operations["applyForCourse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/attendance.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The course's attendance list (出席簿), A4 PDF (staff of its facility) */
        get: operations["attendancePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Withdraw an application (the family's guardians; staff of the course's facility)
         * @description The freed seats (or the place in line) go to the waitlist in order while the course has
         *     not begun, and those families are told they are now confirmed. Withdrawing again is harmless (204).
         */
        delete: operations["cancelApplication"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The family's secret calendar subscription link (guardians)
         * @description The same link for every guardian of the family, made on first use.
         */
        get: operations["myCalendarFeed"];
        put?: never;
        /** A new subscription link; the old one stops working (guardians) */
        post: operations["replaceCalendarFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `<token>.ics`, the file of a link from `GET /me/calendar`. */
                file: string;
            };
            cookie?: never;
        };
        /**
         * The family's calendar as an iCalendar feed (anyone with the link)
         * @description RFC 5545: the closures, events and courses of the family's facilities and of the
         *     organization from 60 days ago to a year on, times in UTC, the family's applications marked
         *     in the summary (申込済み, キャンセル待ち). A replaced or unknown link answers 404.
         */
        get: operations["calendarFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/test/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test only: moves the server's test clock
         * @description Exists only when the server runs with `test_clock` (TADAIMA_TEST_CLOCK=true), which it
         *     refuses unless it listens on a loopback address and `public_url` is empty or
         *     `http://` on a loopback host; in every other server it answers 404 like any unknown
         *     path. The test clock starts at `clock_start` and stands still; this call moves it to
         *     `at` or on by `advance_ms` (`advance_ms: 0` stays). Before answering, the jobs that
         *     depend on the time (closing visits at closing time, raising children who have not
         *     arrived) run at the new time, and the notification workers look for rows that became
         *     due. No sign-in and no CSRF header (the server is reachable from this machine only).
         */
        post: operations["moveTestClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                code: components["schemas"]["ErrorCode"];
                reason: components["schemas"]["ErrorReason"];
                /** @description English text for people; clients decide and translate by `reason`. */
                message: string;
                /** @description Field path → problem, e.g. {"guardians[0].email": "must be an e-mail address"}. */
                fields?: {
                    [key: string]: string;
                };
                /** @description Present whenever `fields` is, with the same keys: each field's reason, e.g. {"guardians[0].email": "not_email"}. */
                field_reasons?: {
                    [key: string]: components["schemas"]["ErrorReason"];
                };
                /**
                 * @description Only for fields whose reason has parameters, e.g. {"name": {"max": "100"}}: too_long
                 *     {max}, too_short {min}, length_range {min, max}, out_of_range {min, max},
                 *     range_too_long {max_days}, not_a_choice {choices} (joined by ","). Values are strings.
                 */
                field_params?: {
                    [key: string]: {
                        [key: string]: string;
                    };
                };
            };
        };
        /**
         * @description The kind of failure; it decides the HTTP status.
         * @enum {unknown}
         */
        ErrorCode: "invalid_argument" | "unauthenticated" | "permission_denied" | "not_found" | "conflict" | "unsupported_media_type" | "too_many_requests" | "unavailable" | "internal";
        /**
         * @description Why a request failed, as a stable id (server/src/base/reasons.h): clients decide and
         *     translate by it, never by `message`. With one bad field it is that field's reason,
         *     with several `invalid_fields`; when nothing more specific applies, the code's name.
         *     Ids are only ever added.
         * @enum {unknown}
         */
        ErrorReason: "required" | "required_or_null" | "unknown_field" | "not_null" | "not_string" | "not_string_array" | "not_object" | "not_array" | "not_integer" | "not_integer_or_null" | "not_boolean" | "bad_json" | "body_not_object" | "not_json_body" | "body_not_allowed" | "duplicate_key" | "bad_cursor" | "not_uuid" | "invalid_fields" | "empty" | "invalid_utf8" | "multiline" | "control_characters" | "not_kana" | "not_email" | "phone_characters" | "phone_digits" | "login_start" | "login_characters" | "taken" | "wrong_password" | "same_password" | "not_time" | "not_date" | "not_real_date" | "not_instant" | "not_time_zone" | "future_date" | "instant_range" | "before_1900" | "past_date" | "beyond_a_year" | "before_from" | "needs_from_and_to" | "not_after_opens_at" | "not_after_arrive_at" | "not_after_in_at" | "before_in_at" | "same_as_from" | "sign_in_required" | "bad_credentials" | "session_ended" | "too_many_sign_ins" | "cross_origin" | "csrf" | "password_change_required" | "staff_only" | "org_admin_only" | "guardians_only" | "guardians_and_staff_only" | "own_details_only" | "staff_needs_facility" | "not_your_facility" | "repeated_facility" | "foreign_facility" | "cannot_change" | "cannot_change_here" | "own_admin_role" | "no_such_facility" | "no_such_child" | "no_such_family" | "guardian_required" | "too_many_guardians" | "too_many_children" | "already_enrolled" | "drop_in_enrolls_family" | "guardian_drop_in_only" | "not_enrollable_facility" | "not_enrollable_child" | "not_enrollable_family" | "child_or_family" | "choose_facility" | "enrolls_children" | "kiosk_not_paired" | "kiosk_revoked" | "kiosk_only_stamps" | "kiosks_only" | "kiosk_other_facility" | "kiosk_no_live_events" | "guardians_cannot_stamp" | "not_code" | "credential_replaced" | "not_enrolled" | "not_enrolled_anywhere" | "not_family_child" | "family_code_only" | "credential_or_child" | "scan_too_old" | "pickup_too_late" | "nothing_to_correct" | "stamp_not_recorded" | "kiosk_stamps_by_code" | "choose_child" | "already_here" | "before_last_stamp" | "not_here" | "not_left_yet" | "recorded_meanwhile" | "duplicate_date" | "day_count" | "facility_ambiguous" | "attend_only" | "not_with_none" | "pending_only" | "not_url" | "not_https" | "push_service_not_allowed" | "not_p256_key" | "not_auth_secret" | "endpoint_taken" | "device_of_another_account" | "not_dead" | "live_unavailable" | "not_grade" | "min_above_max" | "no_recipients" | "not_future" | "emergency_at_once" | "no_such_attachment" | "too_many_attachments" | "file_type" | "file_too_large" | "file_not_its_type" | "path_in_name" | "already_sent" | "not_sent_yet" | "not_emergency" | "already_ended" | "thread_closed" | "duplicate_question" | "question_id_characters" | "options_needed" | "options_not_allowed" | "duplicate_option" | "wrong_answer_kind" | "not_an_option" | "unknown_question" | "survey_closed" | "not_after_starts_at" | "event_too_long" | "course_only" | "apply_until_after_start" | "facility_closed" | "event_cancelled" | "not_a_course" | "applications_closed" | "already_applied" | "outside_age_range" | "course_started" | "below_confirmed" | "pickup_or_alone" | "alone_not_permitted" | "pin_format" | "wrong_pin" | "no_kiosk_pin" | "too_many_pin_attempts" | "kiosk_locked" | "not_month" | "no_such_organization" | "not_form_token" | "filled_too_fast" | "form_expired" | "consent_required" | "too_many_registrations" | "registration_decided" | "reject_reason_required" | "reviewers_only" | "not_drop_in" | "one_age_kind" | "nobody_came" | "consultation_key_missing" | "consultation_key_unknown" | "not_csv_text" | "bad_csv" | "empty_import" | "unknown_column" | "duplicate_column" | "missing_column" | "too_many_cells" | "family_has_errors" | "import_has_errors" | "too_many_import_rows" | "clock_backwards" | "at_or_advance" | "busy" | "too_many_connections" | "too_long" | "too_short" | "length_range" | "out_of_range" | "range_too_long" | "not_a_choice" | "invalid_argument" | "unauthenticated" | "permission_denied" | "not_found" | "conflict" | "unsupported_media_type" | "too_many_requests" | "unavailable" | "internal";
        /** @description An opaque id. */
        Id: string;
        /** Format: date */
        Date: string;
        /** @example 14:00 */
        Clock: string;
        /** @description 1..100 characters after trimming. */
        Name: string;
        /** @description Hiragana or katakana, spaces and ー only. */
        Kana: string;
        /** @description x@y.z shape. */
        Email: string;
        Phone: string;
        NextCursor: string | null;
        /** @enum {unknown} */
        Role: "org_admin" | "facility_staff" | "guardian";
        /** @enum {unknown} */
        StaffRole: "org_admin" | "facility_staff";
        /** @enum {unknown} */
        FacilityKind: "after_school" | "drop_in" | "nursery";
        /** @enum {unknown} */
        EnrollmentStatus: "active" | "pending";
        /**
         * @description School grade by the Japanese school year (April 2 cut-off) for the organization's today.
         * @enum {unknown}
         */
        Grade: "未就学" | "小1" | "小2" | "小3" | "小4" | "小5" | "小6" | "中1" | "中2" | "中3" | "高1" | "高2" | "高3" | "その他";
        LoginInput: {
            login: string;
            password: string;
        };
        ChangePasswordInput: {
            current_password: string;
            new_password: string;
        };
        User: {
            id: components["schemas"]["Id"];
            role: components["schemas"]["Role"];
            name: string;
            login: string;
            organization_id: components["schemas"]["Id"];
            /** @description Guardians only. */
            family_id?: components["schemas"]["Id"];
            /** @description facility_staff only. */
            facility_ids?: components["schemas"]["Id"][];
            must_change_password: boolean;
        };
        UserAnswer: {
            user: components["schemas"]["User"];
        };
        Organization: {
            id: components["schemas"]["Id"];
            name: string;
            /** @example Asia/Tokyo */
            time_zone: string;
        };
        Facility: {
            id: components["schemas"]["Id"];
            name: string;
            kind: components["schemas"]["FacilityKind"];
            opens_at: components["schemas"]["Clock"];
            closes_at: components["schemas"]["Clock"];
            /** @description A second scan of a child within this many seconds answers `duplicate` (default 60). */
            duplicate_window_seconds: number;
            /** @description How old a queued kiosk scan's `scanned_at` may be (default 72). */
            offline_retention_hours: number;
            /**
             * @description With plan_deadline_time, the deadline for plans of a day D: D minus this many
             *     days at plan_deadline_time in the organization's time zone. A change made
             *     after it is flagged `late` (default 1).
             */
            plan_deadline_days: number;
            /** @description Default "17:00". */
            plan_deadline_time: components["schemas"]["Clock"];
            /**
             * @description A child expected (an `attend` plan with arrive_at) who has not arrived this many
             *     minutes after arrive_at is `not_arrived` (default 15).
             */
            not_arrived_grace_minutes: number;
            /** @description Whether the guardians get a `not_arrived` notification when it happens (default false). */
            not_arrived_notify: boolean;
            /** @description A staff PIN opens the kiosk's staff menu (POST /api/v1/kiosk/unlock). */
            kiosk_pin_set: boolean;
        };
        /** @description opens_at must be before closes_at. */
        FacilityInput: {
            name: components["schemas"]["Name"];
            kind: components["schemas"]["FacilityKind"];
            opens_at: components["schemas"]["Clock"];
            closes_at: components["schemas"]["Clock"];
            /** @description A second scan of a child within this many seconds answers `duplicate` (default 60). */
            duplicate_window_seconds?: number;
            /** @description How old a queued kiosk scan's `scanned_at` may be (default 72). */
            offline_retention_hours?: number;
            /**
             * @description With plan_deadline_time, the deadline for plans of a day D: D minus this many
             *     days at plan_deadline_time in the organization's time zone. A change made
             *     after it is flagged `late` (default 1).
             */
            plan_deadline_days?: number;
            /** @description Default "17:00". */
            plan_deadline_time?: components["schemas"]["Clock"];
            /**
             * @description A child expected (an `attend` plan with arrive_at) who has not arrived this many
             *     minutes after arrive_at is `not_arrived` (default 15).
             */
            not_arrived_grace_minutes?: number;
            /** @description Whether the guardians get a `not_arrived` notification when it happens (default false). */
            not_arrived_notify?: boolean;
        };
        FacilityPatch: {
            name?: components["schemas"]["Name"];
            kind?: components["schemas"]["FacilityKind"];
            opens_at?: components["schemas"]["Clock"];
            closes_at?: components["schemas"]["Clock"];
            /** @description A second scan of a child within this many seconds answers `duplicate` (default 60). */
            duplicate_window_seconds?: number;
            /** @description How old a queued kiosk scan's `scanned_at` may be (default 72). */
            offline_retention_hours?: number;
            /**
             * @description With plan_deadline_time, the deadline for plans of a day D: D minus this many
             *     days at plan_deadline_time in the organization's time zone. A change made
             *     after it is flagged `late` (default 1).
             */
            plan_deadline_days?: number;
            /** @description Default "17:00". */
            plan_deadline_time?: components["schemas"]["Clock"];
            /**
             * @description A child expected (an `attend` plan with arrive_at) who has not arrived this many
             *     minutes after arrive_at is `not_arrived` (default 15).
             */
            not_arrived_grace_minutes?: number;
            /** @description Whether the guardians get a `not_arrived` notification when it happens (default false). */
            not_arrived_notify?: boolean;
            /** @description The staff PIN of the facility's kiosks, 4 to 8 digits (kept hashed); null removes it. */
            kiosk_pin?: string | null;
        };
        FacilityAnswer: {
            /** @description Staff get the whole Facility; a guardian gets FamilyFacility, and only for a facility the family is enrolled at or applied to (404 for any other). */
            facility: components["schemas"]["Facility"] | components["schemas"]["FamilyFacility"];
        };
        /** @description What a parent needs of a facility. */
        FamilyFacility: {
            id: components["schemas"]["Id"];
            name: string;
            kind: components["schemas"]["FacilityKind"];
            opens_at: components["schemas"]["Clock"];
            closes_at: components["schemas"]["Clock"];
            plan_deadline_days: number;
            plan_deadline_time: components["schemas"]["Clock"];
        };
        FacilityPage: {
            items: components["schemas"]["Facility"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        Staff: {
            id: components["schemas"]["Id"];
            login: string;
            name: string;
            role: components["schemas"]["StaffRole"];
            facility_ids: components["schemas"]["Id"][];
            must_change_password: boolean;
        };
        /** @description facility_staff need at least one facility. A taken login answers 409. */
        StaffInput: {
            login: string;
            name: components["schemas"]["Name"];
            password: string;
            role: components["schemas"]["StaffRole"];
            facility_ids: components["schemas"]["Id"][];
        };
        StaffPatch: {
            name?: components["schemas"]["Name"];
            role?: components["schemas"]["StaffRole"];
            facility_ids?: components["schemas"]["Id"][];
        };
        StaffAnswer: {
            staff: components["schemas"]["Staff"];
        };
        StaffPage: {
            items: components["schemas"]["Staff"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        Guardian: {
            id: components["schemas"]["Id"];
            name: string;
            name_kana: string | null;
            email: string | null;
            /** @description The guardian's own number (a mobile); the family's phone is on the family. */
            phone: string | null;
            relation: string | null;
            login: string;
        };
        /** @description A guardian as answered by POST /api/v1/families, with its one-time password. */
        NewGuardian: components["schemas"]["Guardian"] & {
            initial_password: string;
        };
        /** @description The answer to POST /api/v1/families/{id}/guardians; `initial_password` is shown only here. */
        InvitedGuardian: {
            guardian: components["schemas"]["Guardian"];
            login: string;
            initial_password: string;
        };
        PasswordReset: {
            login: string;
            initial_password: string;
        };
        GuardianInput: {
            name: components["schemas"]["Name"];
            name_kana?: components["schemas"]["Kana"] | null;
            email?: components["schemas"]["Email"] | null;
            phone?: components["schemas"]["Phone"] | null;
            /**
             * @example 母
             * @example 父
             * @example 祖母
             */
            relation?: string | null;
        };
        /** @description Staff, or the guardian themself (their own name, furigana, e-mail address and phone). */
        GuardianPatch: {
            name?: components["schemas"]["Name"];
            name_kana?: components["schemas"]["Kana"] | null;
            email?: components["schemas"]["Email"] | null;
            phone?: components["schemas"]["Phone"] | null;
            relation?: string | null;
        };
        Age: {
            years: number;
            months: number;
        };
        Child: {
            id: components["schemas"]["Id"];
            family_id: components["schemas"]["Id"];
            name: string;
            name_kana: string | null;
            birth_date: components["schemas"]["Date"];
            age: components["schemas"]["Age"];
            grade: components["schemas"]["Grade"];
            /** @description The guardians allow the child to go home alone (ひとりで帰る): the kiosk offers it after a departure. */
            may_leave_alone: boolean;
        };
        /** @description birth_date is a real date not after the organization's today. */
        ChildInput: {
            name: components["schemas"]["Name"];
            name_kana?: components["schemas"]["Kana"] | null;
            birth_date: components["schemas"]["Date"];
        };
        /** @description Staff change any key; the child's guardians only may_leave_alone (any other key is 403 staff_only). */
        ChildPatch: {
            name?: components["schemas"]["Name"];
            name_kana?: components["schemas"]["Kana"] | null;
            birth_date?: components["schemas"]["Date"];
            may_leave_alone?: boolean;
        };
        /** @description What staff must know about a child in care and in an emergency. Staff covering one of the child's facilities and the child's guardians; every read and change by staff is in the audit log. `notes` are staff's own and always null for guardians. Never on the kiosk. */
        ChildCare: {
            /** @description アレルギー (food */
            allergy: string | null;
            /** @description 持病・服薬・医療的な配慮 */
            medical: string | null;
            /** @description 職員のメモ (staff only) */
            notes: string | null;
            updated_at: components["schemas"]["Time"] | null;
            updated_by: {
                name: string;
            } | null;
        };
        /** @description Keys given replace the stored text (null or blank clears it); guardians may not give notes (403 staff_only). */
        ChildCareInput: {
            allergy?: string | null;
            medical?: string | null;
            notes?: string | null;
        };
        /** @description Which care texts the child has (the text itself is GET /children/{id}/care, audited). */
        CareMarkers: {
            allergy: boolean;
            medical: boolean;
            notes: boolean;
        };
        ChildAnswer: {
            child: components["schemas"]["Child"];
        };
        /** @enum {string} */
        RegistrationStatus: "pending" | "approved" | "rejected";
        RegistrationForm: {
            organization: {
                id: components["schemas"]["Id"];
                name: string;
            };
            form_token: string;
            min_fill_seconds: number;
            rooms: {
                id: components["schemas"]["Id"];
                name: string;
            }[];
        };
        RegistrationInput: {
            organization_id: components["schemas"]["Id"];
            form_token: string;
            /** @description The hidden field; humans leave it empty. */
            website?: string;
            family_name: string;
            address?: string | null;
            phone: string;
            email?: string | null;
            guardians: components["schemas"]["GuardianInput"][];
            children: components["schemas"]["ChildInput"][];
            /** @constant */
            consent: true;
        };
        RegistrationDuplicate: {
            family_id: string | null;
            registration_id: string | null;
            family_name: string;
            /** @enum {string} */
            why: "same_child" | "same_phone";
        };
        Registration: {
            id: components["schemas"]["Id"];
            status: components["schemas"]["RegistrationStatus"];
            family_name: string;
            address: string | null;
            phone: string;
            email: string | null;
            guardians: {
                name: string;
                name_kana: string | null;
                relation: string | null;
                email: string | null;
                phone: string | null;
            }[];
            children: {
                name: string;
                name_kana: string | null;
                birth_date: components["schemas"]["Date"];
            }[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            decided_at: string | null;
            decided_by_name: string | null;
            reject_reason: string | null;
            family_id: string | null;
            possible_duplicates: components["schemas"]["RegistrationDuplicate"][];
        };
        ApprovedRegistration: {
            family: components["schemas"]["Family"];
            logins: {
                guardian_id: components["schemas"]["Id"];
                login: string;
                initial_password: string;
            }[];
        };
        MyRoom: {
            facility: components["schemas"]["FamilyFacility"];
            enrollment: components["schemas"]["Enrollment"] | null;
        };
        /**
         * @description A child's enrollment (after_school, nursery) has child_id set, and family_id names
         *     the child's family; a family's enrollment (drop_in) has child_id null.
         */
        Enrollment: {
            id: components["schemas"]["Id"];
            facility_id: components["schemas"]["Id"];
            child_id: string | null;
            family_id: string | null;
            status: components["schemas"]["EnrollmentStatus"];
        };
        EnrollmentInput: {
            facility_id: components["schemas"]["Id"];
            child_id: components["schemas"]["Id"];
        } | {
            facility_id: components["schemas"]["Id"];
            family_id: components["schemas"]["Id"];
        };
        EnrollmentAnswer: {
            enrollment: components["schemas"]["Enrollment"];
        };
        EnrollmentPage: {
            items: components["schemas"]["Enrollment"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        Family: {
            id: components["schemas"]["Id"];
            name: string;
            address: string | null;
            phone: string | null;
            guardians: components["schemas"]["Guardian"][];
            children: components["schemas"]["Child"][];
            enrollments: components["schemas"]["Enrollment"][];
        };
        /** @description The answer to POST /api/v1/families, a Family whose guardians carry initial_password. */
        NewFamily: {
            id: components["schemas"]["Id"];
            name: string;
            address: string | null;
            phone: string | null;
            guardians: components["schemas"]["NewGuardian"][];
            children: components["schemas"]["Child"][];
            enrollments: components["schemas"]["Enrollment"][];
        };
        FamilyInput: {
            name: components["schemas"]["Name"];
            address?: string | null;
            phone?: components["schemas"]["Phone"] | null;
            guardians: components["schemas"]["GuardianInput"][];
            children: components["schemas"]["ChildInput"][];
            facility_ids?: components["schemas"]["Id"][];
        };
        FamilyPatch: {
            name?: components["schemas"]["Name"];
            address?: string | null;
            phone?: components["schemas"]["Phone"] | null;
        };
        FamilyAnswer: {
            family: components["schemas"]["Family"];
        };
        FamilyPage: {
            items: components["schemas"]["Family"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        Kiosk: {
            id: components["schemas"]["Id"];
            name: string;
            facility_id: components["schemas"]["Id"];
            created_at: components["schemas"]["Time"];
            last_seen_at: components["schemas"]["Time"] | null;
        };
        KioskInput: {
            name: components["schemas"]["Name"];
        };
        NewKiosk: {
            kiosk: components["schemas"]["Kiosk"];
            /** @description The bearer token; shown only in this answer. */
            token: string;
        };
        /** @description GET /api/v1/kiosk/me, the calling kiosk and its facility. */
        KioskMe: {
            /** @description The staff menu is open until then (POST /api/v1/kiosk/unlock); null when locked. */
            unlocked_until: components["schemas"]["Time"] | null;
            kiosk: components["schemas"]["Kiosk"];
            facility: components["schemas"]["Facility"];
            /**
             * Format: date-time
             * @description The server's clock; the kiosk stamps queued scans in this time.
             */
            server_time: string;
        };
        KioskPage: {
            items: components["schemas"]["Kiosk"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        Credential: {
            /** @description What the QR code holds (QR alphanumeric mode; version ≤ 4, level M). */
            text: string;
            version: number;
            /** @enum {unknown} */
            kind: "child" | "family";
            /** @description The child or the family. */
            subject_id: components["schemas"]["Id"];
        };
        CredentialAnswer: {
            credential: components["schemas"]["Credential"];
        };
        /**
         * Format: date-time
         * @description RFC 3339 with offset.
         */
        Time: string;
        /** @enum {unknown} */
        Direction: "auto" | "in" | "out";
        /** @enum {unknown} */
        StampResult: "arrived" | "departed" | "duplicate";
        VisitChild: {
            id: components["schemas"]["Id"];
            name: string;
        };
        VisitStats: {
            from: components["schemas"]["Date"];
            to: components["schemas"]["Date"];
            facility_id: string | null;
            /** @enum {unknown} */
            group_by: "day" | "month" | "age_band" | "hour" | "grade" | "day_hour";
            items: {
                /** @description "2027-06-01", "2027-06", "1歳", "15" (the hour) or "小3". */
                key: string;
                /** @description Visits with at least one child of the key (all visits for day */
                visits: number;
                /** @description Children present */
                children: number;
                adults: number;
                /** @description Distinct families among those visits. */
                families: number;
                /** @description Families whose first visit ever at that facility is in the key (day and month only; 0 otherwise). */
                first_time_families: number;
            }[];
            total: {
                visits: number;
                children: number;
                adults: number;
                families: number;
            };
        };
        PlanStats: {
            from: components["schemas"]["Date"];
            to: components["schemas"]["Date"];
            facility_id: string | null;
            items: {
                date: components["schemas"]["Date"];
                /** @description Children with an attend plan that day. */
                planned: number;
                /** @description Of those */
                arrived: number;
                /** @description Absence reports for that day. */
                absent: number;
                /** @description Children raised as not arrived. */
                not_arrived_alerts: number;
                /** @description Children who arrived without an attend plan. */
                unplanned_arrivals: number;
            }[];
        };
        ReportCounts: {
            /** @description Visits (組). */
            visits: number;
            /** @description Children present */
            children: number;
            adults: number;
            first_time_families: number;
            /** @description Children confirmed for the facility's courses that began that day. */
            course_participants: number;
            /** @description Consultation records (相談) of the facility that took place that day. */
            consultations: number;
            /** @description Children by age band on the visit's day: 0歳, 1歳, 2歳, 3歳以上未就学, 小学生, 中学生 (and その他). */
            bands: {
                [key: string]: number;
            };
            /** @description Children by school year: 小1…小6 (and その他). */
            grades: {
                [key: string]: number;
            };
            /** @description Minutes after the regular closing time (after-school clubs). */
            extension_minutes: number;
        };
        MonthlyReport: {
            /** @example 2027-06 */
            month: string;
            facilities: {
                facility: {
                    id: components["schemas"]["Id"];
                    name: string;
                    kind: components["schemas"]["FacilityKind"];
                };
                open_days: number;
                /** @description Every day of the month. */
                days: (components["schemas"]["ReportCounts"] & {
                    date: components["schemas"]["Date"];
                    open: boolean;
                })[];
                totals: components["schemas"]["ReportCounts"];
                /** @description After-school clubs - every child who came, by furigana; empty otherwise. */
                children: {
                    id: components["schemas"]["Id"];
                    name: string;
                    name_kana: string | null;
                    grade: components["schemas"]["Grade"];
                    /** @description Days attended. */
                    days: number;
                    extension_minutes: number;
                }[];
            }[];
            total: components["schemas"]["ReportCounts"] & {
                /** @description The sum of the facilities' open days. */
                open_days: number;
            };
        };
        Visit: {
            id: components["schemas"]["Id"];
            facility_id: components["schemas"]["Id"];
            /** @description At a drop-in room, the visit (組) the child came in with; the children of one family stamp share it. Null elsewhere. */
            group_id: components["schemas"]["Id"] | null;
            /** @description The adults of the child's group; null without a group. */
            adults: number | null;
            child: components["schemas"]["VisitChild"];
            in_at: components["schemas"]["Time"];
            out_at: components["schemas"]["Time"] | null;
            pickup_by: string | null;
            /** @description The child went home alone (with the guardians' permission); pickup_by is null then. */
            left_alone: boolean;
            /** @enum {unknown} */
            method: "qr" | "manual";
            /** @description Closed by the server at the facility's closing time. */
            auto_closed: boolean;
            /** @description Staff should look at it: closed by the server, or an arrival the window let through (review_reason); a correction clears it. */
            needs_review: boolean;
            /** @description Why an arrival needs review: the child was reported absent that day (absent_plan), or it came at or after the facility's closing time (after_closing); null otherwise. */
            review_reason: ("absent_plan" | "after_closing") | null;
        };
        /** @description Exactly one of the three. */
        WalkInChildInput: {
            birth_date?: components["schemas"]["Date"];
            /** @description Completed months on the visit's day. */
            age_months?: number;
            /** @enum {unknown} */
            grade?: "小1" | "小2" | "小3" | "小4" | "小5" | "小6" | "中1" | "中2" | "中3";
        };
        WalkInInput: {
            /**
             * Format: uuid
             * @description With it, the same form sent again answers 200 with the first (the admin's page always sends one).
             */
            client_id?: string;
            visited_at: components["schemas"]["Time"];
            /** @description 0 only with a child (nobody_came). */
            adults: number;
            children?: components["schemas"]["WalkInChildInput"][];
            /** @description The family's district */
            area?: string;
            family_id?: components["schemas"]["Id"];
        };
        WalkInChild: {
            birth_date: components["schemas"]["Date"] | null;
            age_months: number | null;
            grade: string | null;
            /** @description The statistics' band on the visit's day: 0歳, 1歳, 2歳, 3歳以上未就学, 小学生, 中学生, その他. */
            age_band: string;
        };
        WalkIn: {
            id: components["schemas"]["Id"];
            facility_id: components["schemas"]["Id"];
            visited_at: components["schemas"]["Time"];
            adults: number;
            children: components["schemas"]["WalkInChild"][];
            area: string | null;
            family_id: components["schemas"]["Id"] | null;
            family_name: string | null;
            created_at: components["schemas"]["Time"];
            created_by_name: string | null;
        };
        WalkInAnswer: {
            walk_in: components["schemas"]["WalkIn"];
        };
        /** @enum {unknown} */
        ConsultationCategory: "parenting" | "development" | "health" | "living" | "schooling" | "other";
        ConsultationInput: {
            facility_id: components["schemas"]["Id"];
            category: components["schemas"]["ConsultationCategory"];
            body: string;
            occurred_at: components["schemas"]["Time"];
            follow_up_on?: components["schemas"]["Date"];
        };
        ConsultationPatch: {
            category?: components["schemas"]["ConsultationCategory"];
            body?: string;
            occurred_at?: components["schemas"]["Time"];
            follow_up_on?: components["schemas"]["Date"] | null;
        };
        Consultation: {
            id: components["schemas"]["Id"];
            family_id: components["schemas"]["Id"];
            facility_id: components["schemas"]["Id"];
            facility_name: string;
            category: components["schemas"]["ConsultationCategory"];
            body: string;
            occurred_at: components["schemas"]["Time"];
            follow_up_on: components["schemas"]["Date"] | null;
            created_by_name: string | null;
            created_at: components["schemas"]["Time"];
            updated_at: components["schemas"]["Time"];
        };
        ConsultationAnswer: {
            consultation: components["schemas"]["Consultation"];
        };
        AuditEntry: {
            /**
             * @example consultation.read
             * @example consultation.create
             * @example consultation.update
             * @example consultation.export
             */
            action: string;
            actor: {
                id: components["schemas"]["Id"];
                name: string;
            } | null;
            at: components["schemas"]["Time"];
        };
        ImportProblem: {
            /** @description The file's row; the header is row 1. */
            row: number;
            /** @description The column's key (birth_date…), for unknown_column the header cell as written; null for the whole row (too_many_cells, family_has_errors). */
            column: string | null;
            reason: components["schemas"]["ErrorReason"];
            message: string;
            /** @description The numbers or words the reason's text names (too_long: max). */
            params: {
                [key: string]: string;
            };
        };
        ImportRowReport: {
            row: number;
            family_name: string;
            child_name: string;
            /**
             * @description duplicate: a known family, skipped; error: this row, or another row of its family (family_has_errors), has a problem.
             * @enum {unknown}
             */
            action: "create" | "duplicate" | "error";
            problems: components["schemas"]["ImportProblem"][];
            /** @description On a family's first row. With family_id a known family; with row another family of the file (a warning). */
            duplicates: {
                family_id: components["schemas"]["Id"] | null;
                row: number | null;
                family_name: string;
                /** @enum {unknown} */
                why: "same_child" | "same_phone";
            }[];
        };
        ImportReport: {
            /** @enum {unknown} */
            encoding: "utf-8" | "shift_jis";
            rows: number;
            /** @description Families to create. */
            families: number;
            children: number;
            duplicate_families: number;
            /** @description Rows with a problem. */
            errors: number;
            /** @description No error anywhere: the file can be imported. */
            ok: boolean;
            file_problems: components["schemas"]["ImportProblem"][];
            items: components["schemas"]["ImportRowReport"][];
        };
        ImportJob: {
            id: components["schemas"]["Id"];
            /** @enum {unknown} */
            status: "running" | "done" | "failed";
            /** @description Families to create. */
            total: number;
            /** @description Created so far in the import's transaction (0 again when it failed: nothing was kept). */
            done: number;
            started_at: components["schemas"]["Time"];
            finished_at: components["schemas"]["Time"] | null;
            error: {
                reason: string;
                message: string;
            } | null;
            report: components["schemas"]["ImportReport"];
        };
        ImportJobAnswer: {
            import: components["schemas"]["ImportJob"];
        };
        ReportColumnLists: {
            /**
             * @example [
             *       "visits",
             *       "band_0",
             *       "band_1",
             *       "children",
             *       "adults"
             *     ]
             */
            drop_in: string[];
            /**
             * @example [
             *       "grade_1",
             *       "grade_2",
             *       "children",
             *       "extension_minutes"
             *     ]
             */
            after_school: string[];
        };
        ReportColumnsAnswer: {
            columns: components["schemas"]["ReportColumnLists"];
            defaults: components["schemas"]["ReportColumnLists"];
            choices: {
                drop_in: components["schemas"]["ReportColumnChoice"][];
                after_school: components["schemas"]["ReportColumnChoice"][];
            };
        };
        ReportColumnChoice: {
            key: string;
            /**
             * @example 組数
             * @example 0歳
             * @example 延長(分)
             */
            label: string;
        };
        VisitAnswer: {
            visit: components["schemas"]["Visit"];
        };
        VisitPage: {
            items: components["schemas"]["Visit"][];
            next_cursor: components["schemas"]["NextCursor"];
        };
        VisitPatch: {
            in_at?: components["schemas"]["Time"];
            out_at?: components["schemas"]["Time"];
            reason: string;
        };
        /**
         * @description The family's guardians as "relation name" (or just the name). Someone else is named by the kiosk (その他 and a name).
         * @example [
         *       "母 山田 花子",
         *       "父 山田 太郎"
         *     ]
         */
        PickupChoices: string[];
        /** @description Every child departed (preview - every child named) may go home alone, so the kiosk may offer ひとりで帰る. */
        PickupAlone: boolean;
        /** @description Exactly one of pickup_by (a name) and alone (true; the child must be allowed, else 409 alone_not_permitted). */
        PickupInput: {
            pickup_by?: string;
            /** @constant */
            alone?: true;
        };
        StampPreviewInput: {
            facility_id: components["schemas"]["Id"];
            credential: string;
        };
        StampPreview: {
            /** @enum {unknown} */
            kind: "child" | "family";
            family_name: string;
            children: {
                id: components["schemas"]["Id"];
                name: string;
                present: boolean;
            }[];
            pickup_choices: components["schemas"]["PickupChoices"];
            pickup_alone: components["schemas"]["PickupAlone"];
            /** @description A drop-in room: the kiosk asks who came, adults too. */
            asks_adults: boolean;
        };
        /** @description Exactly one of credential, child_id and family_id (staff's stamps by hand). At a drop-in room the arrivals of one stamp are one visit (組) with `adults`: each child's visit names it in group_id. */
        StampInput: {
            facility_id: components["schemas"]["Id"];
            /** Format: uuid */
            client_id: string;
            /** @description The scanned text. */
            credential?: string;
            child_id?: components["schemas"]["Id"];
            /** @description Staff (or a kiosk with its staff menu open) stamp a whole family by hand. */
            family_id?: components["schemas"]["Id"];
            /** @description With a family credential or family_id, who came; default every enrolled child of the family. */
            child_ids?: components["schemas"]["Id"][];
            /** @description Drop-in rooms only (elsewhere not_drop_in), the adults who came; default 1. */
            adults?: number;
            direction?: components["schemas"]["Direction"];
            scanned_at?: components["schemas"]["Time"];
            pickup_by?: string;
        };
        StampAnswer: components["schemas"]["ChildStampAnswer"] | components["schemas"]["FamilyStampAnswer"];
        /** @description The answer to a stamp with a child's credential or child_id. */
        ChildStampAnswer: {
            result: components["schemas"]["StampResult"];
            visit: components["schemas"]["Visit"];
            pickup_choices: components["schemas"]["PickupChoices"];
            pickup_alone: components["schemas"]["PickupAlone"];
            /** @description At a drop-in room, the visit (組) this stamp's arrivals formed. */
            group?: {
                id: components["schemas"]["Id"];
                adults: number;
                children: number;
            };
        };
        /** @description The answer to a stamp with a family credential, one result per child. */
        FamilyStampAnswer: {
            results: {
                result: components["schemas"]["StampResult"];
                visit: components["schemas"]["Visit"];
            }[];
            pickup_choices: components["schemas"]["PickupChoices"];
            pickup_alone: components["schemas"]["PickupAlone"];
            /** @description At a drop-in room, the visit (組) this stamp's arrivals formed. */
            group?: {
                id: components["schemas"]["Id"];
                adults: number;
                children: number;
            };
        };
        RosterItem: {
            child: {
                id: components["schemas"]["Id"];
                name: string;
                name_kana: string | null;
                grade: components["schemas"]["Grade"];
                may_leave_alone: boolean;
                care: components["schemas"]["CareMarkers"];
            };
            status: components["schemas"]["DayStatus"];
            /** @description The child's plan for the day at this facility. */
            plan: components["schemas"]["Plan"] | null;
            /** @description The plan was last changed after the facility's deadline. */
            late: boolean;
            /** @description When the not-arrived job raised the child (once per expected arrival). */
            alerted_at: components["schemas"]["Time"] | null;
            in_at: components["schemas"]["Time"] | null;
            out_at: components["schemas"]["Time"] | null;
            visit_id: string | null;
            pickup_by: string | null;
            left_alone: boolean;
            needs_review: boolean;
            /** @description The visit's review_reason (an arrival the window let through while the child was reported absent, or after closing). */
            review_reason: ("absent_plan" | "after_closing") | null;
        };
        Roster: {
            date: components["schemas"]["Date"];
            /** @description The closure (休館日) of the facility that day, if any. */
            closure: {
                id: components["schemas"]["Id"];
                title: string;
            } | null;
            items: components["schemas"]["RosterItem"][];
        };
        Channels: {
            push: boolean;
            email: boolean;
            inapp: boolean;
        };
        Preferences: {
            stamps: components["schemas"]["Channels"];
            messages: components["schemas"]["Channels"];
            quiet_hours: null | {
                from: string;
                to: string;
            };
            /** @enum {unknown} */
            language: "ja" | "en";
        };
        InboxItem: {
            id: components["schemas"]["Id"];
            /** @enum {unknown} */
            kind: "arrival" | "departure" | "not_arrived" | "message" | "thread" | "survey" | "closure" | "event" | "course";
            title: string;
            body: string;
            child_id?: string;
            child_name?: string;
            facility_id?: string;
            facility_name?: string;
            at?: components["schemas"]["Time"];
            pickup_by?: string;
            /** @description kind message: the message. */
            message_id?: string;
            /** @description kind thread: the contact thread. */
            thread_id?: string;
            /** @description Where the app shows it (/app/messages/<id>, /app/threads/<id>). */
            link?: string;
            emergency?: boolean;
            created_at: components["schemas"]["Time"];
            read_at: components["schemas"]["Time"] | null;
        };
        InboxPage: {
            items: components["schemas"]["InboxItem"][];
            next_cursor: string | null;
            unread_count: number;
        };
        PushSubscriptionInput: {
            endpoint: string;
            expirationTime?: number | null;
            keys: {
                /** @description base64url of the 65-byte P-256 point */
                p256dh: string;
                /** @description base64url of 16 bytes */
                auth: string;
            };
        };
        PushSubscription: {
            id: components["schemas"]["Id"];
            endpoint: string;
            created_at: components["schemas"]["Time"];
        };
        StaffNotification: {
            id: components["schemas"]["Id"];
            /** @description arrival, departure, not_arrived, message (more kinds may come). */
            kind: string;
            /** @enum {unknown} */
            channel: "push" | "email" | "inapp";
            /** @enum {unknown} */
            status: "pending" | "delivered" | "dead" | "cancelled";
            guardian: {
                id: string;
                name: string;
            };
            child_id: string | null;
            child_name: string;
            facility_id: string | null;
            title: string;
            /** @description the e-mail address (e-mail only) */
            to?: string;
            attempts: number;
            last_error: string | null;
            created_at: components["schemas"]["Time"];
            delivered_at: components["schemas"]["Time"] | null;
            next_attempt_at: components["schemas"]["Time"] | null;
        };
        NotificationDetail: components["schemas"]["StaffNotification"] & {
            history: {
                at: components["schemas"]["Time"];
                /** @enum {unknown} */
                result: "delivered" | "retry" | "dead" | "cancelled";
                detail: string;
            }[];
        };
        /**
         * @description A child's day at a facility. A visit that began that day decides first: `present`
         *     (open) or `left`. Otherwise the plan: `absent`; `attend` is `not_arrived` when the
         *     day is past, or is today and now is at or after arrive_at plus the facility's
         *     not_arrived_grace_minutes, and `expected` before that (or all day without
         *     arrive_at). No plan: `unplanned`. The background job raises each not_arrived child
         *     once (`alerted_at`) and, with not_arrived_notify, notifies the guardians.
         * @enum {unknown}
         */
        DayStatus: "expected" | "present" | "left" | "absent" | "not_arrived" | "unplanned";
        /** @enum {unknown} */
        PlanStatus: "attend" | "absent";
        Plan: {
            id: components["schemas"]["Id"];
            child_id: components["schemas"]["Id"];
            facility_id: components["schemas"]["Id"];
            date: components["schemas"]["Date"];
            status: components["schemas"]["PlanStatus"];
            arrive_at: components["schemas"]["Clock"] | null;
            leave_at: components["schemas"]["Clock"] | null;
            pickup_by: string | null;
            reason: string | null;
            /** @description Last changed after the facility's deadline for that day. */
            late: boolean;
            updated_at: components["schemas"]["Time"];
            updated_by: {
                role: components["schemas"]["Role"];
                name: string;
            };
            acknowledged_at: components["schemas"]["Time"] | null;
            acknowledged_by: {
                name: string;
            } | null;
        };
        PlanDayInput: {
            date: components["schemas"]["Date"];
            /** @enum {unknown} */
            status: "attend" | "absent" | "none";
            /** @description null is the same as leaving it out. */
            arrive_at?: components["schemas"]["Clock"] | null;
            leave_at?: components["schemas"]["Clock"] | null;
            pickup_by?: string | null;
            reason?: string | null;
        };
        PlansInput: {
            facility_id?: components["schemas"]["Id"];
            days: components["schemas"]["PlanDayInput"][];
        };
        PlanList: {
            items: components["schemas"]["Plan"][];
        };
        /** @description A plan waiting for staff, with its child (grade on the plan's day) and facility. */
        PendingPlan: components["schemas"]["Plan"] & {
            child: {
                id: components["schemas"]["Id"];
                name: string;
                name_kana: string | null;
                grade: components["schemas"]["Grade"];
            };
            facility: {
                id: components["schemas"]["Id"];
                name: string;
            };
        };
        PendingPlanPage: {
            /** @description The first day the list covers (the organization's today by default). */
            from: components["schemas"]["Date"];
            /** @description The last day the list covers. */
            to: components["schemas"]["Date"];
            items: components["schemas"]["PendingPlan"][];
            next_cursor: components["schemas"]["NextCursor"];
            /** @description The lines of the whole list (every page). */
            total: number;
        };
        PlanAnswer: {
            plan: components["schemas"]["Plan"];
        };
        MyChild: {
            child: components["schemas"]["Child"];
            /** @description Where the child is actively enrolled (itself, or its family at a drop-in room). */
            facilities: {
                id: components["schemas"]["Id"];
                name: string;
                kind: components["schemas"]["FacilityKind"];
            }[];
            today: {
                date: components["schemas"]["Date"];
                status: components["schemas"]["DayStatus"];
                /** @description The facility of today's latest visit, else of today's plan. */
                facility_id: string | null;
                in_at: components["schemas"]["Time"] | null;
                out_at: components["schemas"]["Time"] | null;
                pickup_by: string | null;
                /** @description Today's departure was recorded as going home alone. */
                left_alone: boolean;
                plan: components["schemas"]["Plan"] | null;
            };
        };
        /** @description Who is addressed; every key given narrows the set (see `POST /audiences/preview`). */
        Audience: {
            facility_ids?: string[];
            family_ids?: string[];
            child_ids?: string[];
            grades?: ("未就学" | "小1" | "小2" | "小3" | "小4" | "小5" | "小6" | "中1" | "中2" | "中3" | "高1" | "高2" | "高3" | "その他")[];
            /** @description Age in completed months on the day of sending, inclusive; `min` not above `max`. */
            age_months?: {
                min?: number;
                max?: number;
            };
        };
        AudienceCount: {
            families: number;
            guardians: number;
            children: number;
        };
        OnSiteList: {
            facility_id: components["schemas"]["Id"];
            items: {
                child: components["schemas"]["Child"];
                care: components["schemas"]["CareMarkers"];
                visit_id: components["schemas"]["Id"];
                in_at: components["schemas"]["Time"];
                /** @description Who is to pick the child up */
                pickup_by: string | null;
                family: {
                    id: components["schemas"]["Id"];
                    name: string;
                    phone: string | null;
                };
                guardians: {
                    id: components["schemas"]["Id"];
                    name: string;
                    relation: string | null;
                    email: string | null;
                }[];
            }[];
        };
        MyChildList: {
            items: components["schemas"]["MyChild"][];
        };
        Attachment: {
            id: components["schemas"]["Id"];
            /** @description The file's name as uploaded (`?name=`). */
            name: string;
            /** @enum {unknown} */
            content_type: "application/pdf" | "image/png" | "image/jpeg";
            /** @description Bytes. */
            size: number;
            /** @description Where to fetch the file: `/api/v1/attachments/<id>`. */
            url: string;
        };
        /** @enum {unknown} */
        MessageChannel: "push" | "email" | "inapp";
        /** @enum {unknown} */
        MessagePriority: "normal" | "emergency";
        MessageInput: {
            /** @description 1..100 characters, one line. */
            title: string;
            /** @description 1..10000 characters of plain text (line breaks kept); clients make links clickable. */
            body: string;
            /**
             * @description `emergency` is sent at once on every channel, whatever `channels` say, and shows as a banner until ended.
             * @default normal
             */
            priority?: components["schemas"]["MessagePriority"];
            audience: components["schemas"]["Audience"];
            /** @description The channels to send on (each guardian's own choices and quiet hours apply; an emergency goes on every channel anyway). */
            channels: components["schemas"]["MessageChannel"][];
            /** @description When to send (in the future, within 366 days); absent: now. Not with `emergency` (400 `emergency_at_once`). */
            send_at?: components["schemas"]["Time"];
            /** @description Ids from `POST /attachments` (facility_staff may attach their own uploads only). */
            attachment_ids?: string[];
            /**
             * Format: uuid
             * @description Makes a retry safe (the same id again answers the first result).
             */
            client_id?: string;
        };
        /** @description A message as a guardian of a family it reached sees it. */
        FamilyMessage: {
            id: components["schemas"]["Id"];
            title: string;
            body: string;
            priority: components["schemas"]["MessagePriority"];
            sent_at: components["schemas"]["Time"] | null;
            /** @description When staff ended the emergency notice. */
            ended_at: components["schemas"]["Time"] | null;
            sender: {
                name: string;
            };
            attachments: components["schemas"]["Attachment"][];
            /** @description When the family (any of its guardians) first read it. */
            read_at: components["schemas"]["Time"] | null;
        };
        /** @description A message as the staff who may manage it see it. */
        StaffMessage: {
            id: components["schemas"]["Id"];
            title: string;
            body: string;
            priority: components["schemas"]["MessagePriority"];
            /** @description null until sent. */
            sent_at: components["schemas"]["Time"] | null;
            /** @description When staff ended the emergency notice. */
            ended_at: components["schemas"]["Time"] | null;
            sender: {
                name: string;
            };
            attachments: components["schemas"]["Attachment"][];
            /** @enum {unknown} */
            status: "scheduled" | "sent" | "cancelled";
            audience: components["schemas"]["Audience"];
            /** @description The facilities the audience addresses (every facility the sender could reach when it names none). */
            facility_ids: string[];
            channels: components["schemas"]["MessageChannel"][];
            /** @description When it is (or was) to go out: `send_at` of the request, else the time of sending. */
            send_at: components["schemas"]["Time"];
            cancelled_at: components["schemas"]["Time"] | null;
            ended_by: {
                name: string;
            } | null;
            /** @description The families it reached when sent; while scheduled, the families it would reach today. */
            families: number;
            /** @description Their guardians, counted the same way. */
            guardians: number;
            /** @description The families that have read it. */
            read_families: number;
            created_at: components["schemas"]["Time"];
        };
        SentMessage: {
            message: components["schemas"]["StaffMessage"];
            /** @description Whom it reached; for a scheduled message, whom it would reach today. */
            recipients: {
                families: number;
                guardians: number;
            };
        };
        /** @description An emergency notice in force (sent, not ended), shown as a banner. */
        EmergencyNotice: {
            id: components["schemas"]["Id"];
            title: string;
            body: string;
            priority: components["schemas"]["MessagePriority"];
            sent_at: components["schemas"]["Time"] | null;
            ended_at: components["schemas"]["Time"] | null;
            sender: {
                name: string;
            };
            attachments: components["schemas"]["Attachment"][];
            facility_ids: string[];
        };
        /** @description One family a sent message reached. */
        MessageReceipt: {
            family: {
                id: components["schemas"]["Id"];
                name: string;
            };
            /** @description Delivered to one of its guardians on some channel. */
            delivered: boolean;
            read_at: components["schemas"]["Time"] | null;
            /** @description The guardian who read it first. */
            read_by: {
                name: string;
            } | null;
            /** @description How many reminders the family was sent. */
            reminders: number;
        };
        ThreadInput: {
            child_id: components["schemas"]["Id"];
            facility_id: components["schemas"]["Id"];
            subject?: string;
            body: string;
            /** Format: uuid */
            client_id?: string;
        };
        /** @description A contact thread as one side (the family, or the facility's staff) sees it. */
        Thread: {
            id: components["schemas"]["Id"];
            facility: components["schemas"]["NamedRef"];
            family: components["schemas"]["NamedRef"];
            child: components["schemas"]["NamedRef"];
            subject: string;
            posts: number;
            /** @description Posts the reader's side has not read. */
            unread: number;
            /** @description The family is no longer enrolled at the facility. */
            read_only: boolean;
            last_post: {
                author_kind: components["schemas"]["ThreadAuthorKind"];
                /** @description The start of the last post (120 characters). */
                body: string;
            };
            created_at: components["schemas"]["Time"];
            last_post_at: components["schemas"]["Time"];
        };
        /** @enum {unknown} */
        ThreadAuthorKind: "staff" | "guardian";
        NamedRef: {
            id: components["schemas"]["Id"];
            name: string;
        };
        ThreadPost: {
            id: components["schemas"]["Id"];
            seq: number;
            author: {
                kind: components["schemas"]["ThreadAuthorKind"];
                name: string;
            };
            body: string;
            at: components["schemas"]["Time"];
        };
        ThreadWritten: {
            thread: components["schemas"]["Thread"];
            post: components["schemas"]["ThreadPost"];
        };
        MessageReceipts: {
            items: components["schemas"]["MessageReceipt"][];
            families: number;
            read_families: number;
        };
        /** @enum {unknown} */
        SurveyQuestionKind: "single" | "multiple" | "text" | "date" | "number";
        SurveyQuestion: {
            /** @description Unique in the survey; the key of its answer. */
            id: string;
            kind: components["schemas"]["SurveyQuestionKind"];
            text: string;
            /** @description `single` and `multiple` only: the choices, distinct, 1..100 characters each. */
            options?: string[];
            required: boolean;
        };
        SurveyInput: {
            title: string;
            description?: string;
            questions: components["schemas"]["SurveyQuestion"][];
            audience: components["schemas"]["Audience"];
            closes_at: components["schemas"]["Time"];
            /** @description Default push and in-app. */
            channels?: components["schemas"]["MessageChannel"][];
            /** Format: uuid */
            client_id?: string;
        };
        SurveyAnswer: string | number | string[];
        /** @description Question id → value. */
        SurveyAnswers: {
            [key: string]: components["schemas"]["SurveyAnswer"];
        };
        /** @enum {unknown} */
        SurveyStatus: "open" | "closed";
        StaffSurvey: {
            id: components["schemas"]["Id"];
            title: string;
            description: string;
            questions: components["schemas"]["SurveyQuestion"][];
            audience: components["schemas"]["Audience"];
            facility_ids: string[];
            channels: components["schemas"]["MessageChannel"][];
            closes_at: components["schemas"]["Time"];
            status: components["schemas"]["SurveyStatus"];
            /** @description The families the survey reached. */
            families: number;
            /** @description The families that answered. */
            respondents: number;
            sender: {
                name: string;
            };
            created_at: components["schemas"]["Time"];
        };
        FamilySurvey: {
            id: components["schemas"]["Id"];
            title: string;
            description: string;
            questions: components["schemas"]["SurveyQuestion"][];
            closes_at: components["schemas"]["Time"];
            status: components["schemas"]["SurveyStatus"];
            answered: boolean;
            answered_at: components["schemas"]["Time"] | null;
            answered_by: {
                name: string;
            } | null;
            /** @description `GET /surveys/{id}` only: the family's answers, null until it answered. */
            answers?: components["schemas"]["SurveyAnswers"] | null;
            sender: {
                name: string;
            };
            created_at: components["schemas"]["Time"];
        };
        SentSurvey: {
            survey: components["schemas"]["StaffSurvey"];
            recipients: {
                families: number;
                guardians: number;
            };
        };
        SurveyResponse: {
            answers: components["schemas"]["SurveyAnswers"];
            answered_at: components["schemas"]["Time"];
            answered_by: {
                name: string;
            };
        };
        SurveyResults: {
            respondents: number;
            audience_families: number;
            /** @description Every family the survey reached — the answered ones first, in the order they first answered, then the others by name — with how many reminders reached it. */
            families: {
                family: {
                    id: string;
                    name: string;
                };
                answered_at: components["schemas"]["Time"] | null;
                answered_by: {
                    name: string;
                } | null;
                reminders: number;
            }[];
            questions: {
                id: string;
                kind: components["schemas"]["SurveyQuestionKind"];
                text: string;
                /** @description The responses that answer this question. */
                answered: number;
                counts?: {
                    [key: string]: number;
                };
                values?: (string | number)[];
            }[];
        };
        /** @enum {unknown} */
        EventKind: "closure" | "event" | "course";
        /** @description Age in completed months on the entry's first day, inclusive; `min` not above `max`. */
        AgeMonths: {
            min?: number;
            max?: number;
        };
        EventInput: {
            /** @description Absent — every facility of the organization (org_admin only). */
            facility_id?: string;
            kind: components["schemas"]["EventKind"];
            title: string;
            description?: string;
            starts_at: components["schemas"]["Time"];
            ends_at: components["schemas"]["Time"];
            /** @description Courses only; seats (one per child). */
            capacity?: number;
            age_months?: components["schemas"]["AgeMonths"];
            apply_until?: components["schemas"]["Time"];
            announce?: {
                channels: components["schemas"]["MessageChannel"][];
            };
            /** Format: uuid */
            client_id?: string;
        };
        EventPatch: {
            title?: string;
            description?: string;
            starts_at?: components["schemas"]["Time"];
            ends_at?: components["schemas"]["Time"];
            capacity?: number | null;
            age_months?: components["schemas"]["AgeMonths"] | null;
            apply_until?: components["schemas"]["Time"] | null;
        };
        /** @enum {unknown} */
        ApplicationStatus: "confirmed" | "waitlisted" | "cancelled";
        MyApplication: {
            id: components["schemas"]["Id"];
            status: components["schemas"]["ApplicationStatus"];
            /** @description waitlisted: 1 = next. */
            position: number | null;
            child_ids: string[];
        };
        Event: {
            id: components["schemas"]["Id"];
            /** @description null — every facility of the organization. */
            facility_id: string | null;
            facility_name: string | null;
            kind: components["schemas"]["EventKind"];
            title: string;
            description: string;
            starts_at: components["schemas"]["Time"];
            ends_at: components["schemas"]["Time"];
            /** @description From midnight to midnight in the organization's zone. */
            all_day: boolean;
            capacity: number | null;
            age_months: components["schemas"]["AgeMonths"] | null;
            /** @description Courses: the last moment to apply, itself included (the start when not set). */
            apply_until: components["schemas"]["Time"] | null;
            /** @enum {unknown} */
            status: "scheduled" | "cancelled";
            /** @description Courses — confirmed seats. */
            seats_taken: number;
            /** @description Courses — applications waiting. */
            waitlisted: number;
            created_at: components["schemas"]["Time"];
            /** @description Guardians — the family's application to this course, if any. */
            application?: components["schemas"]["MyApplication"] | null;
        };
        EventAnswer: {
            event: components["schemas"]["Event"];
        };
        Application: {
            id: components["schemas"]["Id"];
            event_id: components["schemas"]["Id"];
            status: components["schemas"]["ApplicationStatus"];
            /** @description waitlisted: 1 = next. */
            position: number | null;
            /** @description waitlisted: how many more free seats it needs before it is confirmed. */
            waiting_for_seats: number | null;
            family: {
                id: string;
                name: string;
            };
            children: {
                id: string;
                name: string;
                name_kana: string | null;
                age: components["schemas"]["Age"];
            }[];
            seats: number;
            created_at: components["schemas"]["Time"];
        };
        ApplicationAnswer: {
            application: components["schemas"]["Application"];
        };
        CalendarFeed: {
            /** @description The feed's address (webcal apps take it as is, or with webcal:// in front). */
            url: string;
        };
    };
    responses: {
        /** @description invalid_argument — the fields say what is wrong; nothing changed. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description unauthenticated — no valid session, or bad credentials. */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description permission_denied — the role may not do this, the CSRF token is missing or wrong, or the password must be changed first. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description not_found — no such id visible to the caller. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description unavailable — the server cannot do this now (e.g. consultation_key_missing). */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description conflict — e.g. a login already taken. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description too_many_requests — rate limited. */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The QR code (level M) as an SVG image. */
        QrSvg: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "image/svg+xml": string;
            };
        };
        /** @description The QR code (level M) as a PNG image. */
        QrPng: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "image/png": string;
            };
        };
        /** @description A PDF document. */
        Pdf: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/pdf": string;
            };
        };
    };
    parameters: {
        Id: string;
        Limit: number;
        /** @description The `next_cursor` of the previous page. */
        Cursor: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginInput"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    /** @description `tadaima_session` and `tadaima_csrf` */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordInput"];
            };
        };
        responses: {
            /** @description Changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    organization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: components["schemas"]["Organization"];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    listFacilities: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of facilities. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    createFacility: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FacilityInput"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    getFacility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The facility. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateFacility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FacilityPatch"];
            };
        };
        responses: {
            /** @description The changed facility. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listStaff: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of staff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    createStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffInput"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffPatch"];
            };
        };
        responses: {
            /** @description The changed account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listFamilies: {
        parameters: {
            query?: {
                /** @description Matches family, guardian and child names and kana; hiragana and katakana alike. */
                q?: string;
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of families. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FamilyPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    createFamily: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FamilyInput"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        family: components["schemas"]["NewFamily"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getFamily: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The family. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FamilyAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateFamily: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FamilyPatch"];
            };
        };
        responses: {
            /** @description The changed family. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FamilyAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    addChild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChildInput"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChildAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    inviteGuardian: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GuardianInput"];
            };
        };
        responses: {
            /** @description Created; `initial_password` is shown only here. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitedGuardian"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getChild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The child. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChildAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateChild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChildPatch"];
            };
        };
        responses: {
            /** @description The changed child. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChildAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getChildCare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The care texts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChildCare"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    putChildCare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChildCareInput"];
            };
        };
        responses: {
            /** @description The care texts as stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChildCare"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getChildAudit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The audit entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * @example child.care.read
                             * @example child.care.update
                             * @example child.update
                             */
                            action: string;
                            actor: {
                                id: components["schemas"]["Id"];
                                name: string;
                            } | null;
                            at: components["schemas"]["Time"];
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateGuardian: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GuardianPatch"];
            };
        };
        responses: {
            /** @description The changed guardian. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        guardian: components["schemas"]["Guardian"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    resetGuardianPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new one-time password. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordReset"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listEnrollments: {
        parameters: {
            query?: {
                facility_id?: string;
                status?: components["schemas"]["EnrollmentStatus"];
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of enrollments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrollmentInput"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    deleteEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    approveEnrollment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The enrollment, now active. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    registrationForm: {
        parameters: {
            query: {
                organization_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The form. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationForm"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    listRegistrations: {
        parameters: {
            query?: {
                status?: components["schemas"]["RegistrationStatus"];
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of registrations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Registration"][];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    submitRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegistrationInput"];
            };
        };
        responses: {
            /** @description Kept for review. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        registration: {
                            id: components["schemas"]["Id"];
                            /** @enum {string} */
                            status: "pending";
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        registration: components["schemas"]["Registration"];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    approveRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    merge_into_family_id?: components["schemas"]["Id"];
                };
            };
        };
        responses: {
            /** @description The family and the logins. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovedRegistration"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    rejectRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The registration, rejected. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        registration: components["schemas"]["Registration"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    familyInvitationPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Pdf"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    invitationsPdf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    family_ids: components["schemas"]["Id"][];
                };
            };
        };
        responses: {
            200: components["responses"]["Pdf"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    myRooms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rooms. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MyRoom"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    enrollInRoom: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    facility_id: components["schemas"]["Id"];
                };
            };
        };
        responses: {
            /** @description Pending. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollmentAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listWalkIns: {
        parameters: {
            query?: {
                /** @description Default today. */
                from?: components["schemas"]["Date"];
                /** @description Default `from`; at most 366 days after it. */
                to?: components["schemas"]["Date"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The forms. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WalkIn"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createWalkIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WalkInInput"];
            };
        };
        responses: {
            /** @description Recorded before with this client_id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WalkInAnswer"];
                };
            };
            /** @description Recorded. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WalkInAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteWalkIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateWalkIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    family_id: components["schemas"]["Id"] | null;
                };
            };
        };
        responses: {
            /** @description Linked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WalkInAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listConsultations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Consultation"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    createConsultation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsultationInput"];
            };
        };
        responses: {
            /** @description Recorded. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    exportConsultations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Header row `相談日時,ルーム,分類,内容,次回フォロー日,記録者,記録日時`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateConsultation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsultationPatch"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAudit: {
        parameters: {
            query: {
                /** @description A family's id. */
                subject: components["schemas"]["Id"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The audit entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEntry"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    importFamilies: {
        parameters: {
            query?: {
                dry_run?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description The dry run's report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        report: components["schemas"]["ImportReport"];
                    };
                };
            };
            /** @description The import is running. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJobAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJobAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    listKiosks: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of kiosks (revoked ones are not listed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KioskPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    pairKiosk: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KioskInput"];
            };
        };
        responses: {
            /** @description Paired. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewKiosk"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    revokeKiosk: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    kioskMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The kiosk and its facility. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KioskMe"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    unlockKiosk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    pin: string;
                };
            };
        };
        responses: {
            /** @description Unlocked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unlocked_until: components["schemas"]["Time"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    lockKiosk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Locked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
        };
    };
    kioskChildren: {
        parameters: {
            query?: {
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The children found. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: components["schemas"]["Id"];
                            name: string;
                            name_kana: string | null;
                            grade: components["schemas"]["Grade"];
                            present: boolean;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    getChildCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current credential. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    reissueChildCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new credential (version + 1). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getFamilyCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current credential. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    reissueFamilyCredential: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new credential (version + 1). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    childQrSvg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["QrSvg"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    childQrPng: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["QrPng"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    familyQrSvg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["QrSvg"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    familyQrPng: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["QrPng"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    childCardPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Pdf"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    facilityCardsPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Pdf"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    previewStamp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StampPreviewInput"];
            };
        };
        responses: {
            /** @description The children the code names and whether each is present. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StampPreview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    stamp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StampInput"];
            };
        };
        responses: {
            /** @description A retry of an earlier `client_id`; the first answer, nothing changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StampAnswer"];
                };
            };
            /** @description Stamped (or `duplicate`, recording nothing). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StampAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    setVisitPickup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PickupInput"];
            };
        };
        responses: {
            /** @description The visit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    roster: {
        parameters: {
            query?: {
                /** @description Default the organization's today. */
                date?: components["schemas"]["Date"];
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The roster, sorted by kana (or name). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Roster"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    onSite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The children in now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OnSiteList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    visitStats: {
        parameters: {
            query: {
                facility_id?: components["schemas"]["Id"];
                from: components["schemas"]["Date"];
                /** @description Inclusive; at most 366 days after from. */
                to: components["schemas"]["Date"];
                group_by: "day" | "month" | "age_band" | "hour" | "grade" | "day_hour";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitStats"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    planStats: {
        parameters: {
            query: {
                facility_id?: components["schemas"]["Id"];
                from: components["schemas"]["Date"];
                /** @description Inclusive; at most 366 days after from. */
                to: components["schemas"]["Date"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts per day. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanStats"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getReportColumns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The columns. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportColumnsAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    putReportColumns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    drop_in?: string[];
                    after_school?: string[];
                };
            };
        };
        responses: {
            /** @description Chosen. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportColumnsAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    monthlyReport: {
        parameters: {
            query: {
                facility_id?: components["schemas"]["Id"];
                month: string;
                format: "json" | "xlsx" | "pdf" | "csv";
                /** @description pdf and xlsx titles: the Japanese era year (令和9年6月) instead of 2027年6月. */
                era?: "western" | "japanese";
                /** @description csv only: utf-8 (with BOM, the default) or shift_jis. */
                encoding?: "utf-8" | "shift_jis";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyReport"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/pdf": string;
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listVisits: {
        parameters: {
            query?: {
                facility_id?: string;
                /** @description First day (organization time zone) of in_at, inclusive. */
                from?: components["schemas"]["Date"];
                /** @description Last day (organization time zone) of in_at, inclusive. */
                to?: components["schemas"]["Date"];
                child_id?: string;
                needs_review?: boolean;
                format?: "json" | "csv";
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of visits, or CSV of every matching visit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitPage"];
                    "text/csv": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    correctVisit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VisitPatch"];
            };
        };
        responses: {
            /** @description The corrected visit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VisitAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    pushPublicKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description base64url of the 65-byte uncompressed P-256 point. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        vapid_public_key: string;
                    };
                };
            };
        };
    };
    listInbox: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page and the number of unread items. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    readAllNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    readNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done (also when it was read before). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preferences (defaults until changed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    putPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Preferences"];
            };
        };
        responses: {
            /** @description The stored preferences. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    listPushSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The devices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PushSubscription"][];
                        next_cursor: string | null;
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    createPushSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushSubscriptionInput"];
            };
        };
        responses: {
            /** @description Already registered; keys updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushSubscription"];
                };
            };
            /** @description Registered. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushSubscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
        };
    };
    deletePushSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    liveEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                facility_id?: string;
                child_id?: string;
                status?: "pending" | "delivered" | "dead" | "cancelled";
                channel?: "push" | "email" | "inapp";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StaffNotification"][];
                        next_cursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification and its history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDetail"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    retryNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pending again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDetail"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listPlans: {
        parameters: {
            query?: {
                /** @description First day, inclusive; default the organization's today. */
                from?: components["schemas"]["Date"];
                /** @description Last day, inclusive; default 30 days after `from`; at most 366 days after it. */
                to?: components["schemas"]["Date"];
                facility_id?: string;
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plans, by date then facility. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    putPlans: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlansInput"];
            };
        };
        responses: {
            /** @description The plans of the request's days as stored now (deleted days left out), by date. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listPendingPlans: {
        parameters: {
            query?: {
                facility_id?: string;
                /** @description First day, inclusive; default the organization's today. */
                from?: components["schemas"]["Date"];
                /** @description Last day, inclusive; default 62 days after `from`, and at most that (400 naming `to`). */
                to?: components["schemas"]["Date"];
                /** @description The plans that wait for staff (the only list this endpoint gives; any other value 400). */
                pending?: "true";
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the lines, with the number of lines of the whole list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingPlanPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    acknowledgePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan with acknowledged_at and acknowledged_by. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    myChildren: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The family's children, eldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyChildList"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    previewAudience: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    audience: components["schemas"]["Audience"];
                };
            };
        };
        responses: {
            /** @description The counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AudienceCount"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description Only the messages addressed to this facility. */
                facility_id?: string;
                status?: "scheduled" | "sent" | "cancelled";
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, each message with its counts (`families`, `read_families`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StaffMessage"][];
                        next_cursor: components["schemas"]["NextCursor"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageInput"];
            };
        };
        responses: {
            /** @description A retry of an earlier `client_id`; the first answer, nothing changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentMessage"];
                };
            };
            /** @description Sent (`status: sent`) or scheduled (`status: scheduled`). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentMessage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message, in the shape of the reader. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: components["schemas"]["StaffMessage"] | components["schemas"]["FamilyMessage"];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    cancelMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    endMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ended notice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: components["schemas"]["StaffMessage"];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    messageReceipts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipts and the counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageReceipts"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    remindMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many families were reminded (0 when every family has read it). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        families: number;
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listMyMessages: {
        parameters: {
            query?: {
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FamilyMessage"][];
                        next_cursor: components["schemas"]["NextCursor"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    readMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done (also when the family had read it before). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listEmergencies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notices in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["EmergencyNotice"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    uploadAttachment: {
        parameters: {
            query: {
                /** @description The file's name as people see it (1..200 characters, one line, no `/` or `\`). */
                name: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/pdf": string;
                "image/png": string;
                "image/jpeg": string;
            };
        };
        responses: {
            /** @description Stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attachment: components["schemas"]["Attachment"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            /** @description invalid_argument — the body is far larger than 10 MiB; it was not read. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes. */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/png": string;
                    "image/jpeg": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listThreads: {
        parameters: {
            query?: {
                facility_id?: string;
                /** @description `true`: only threads with posts the reader has not read. */
                unread?: "true" | "false";
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Thread"][];
                        next_cursor: components["schemas"]["NextCursor"];
                        unread_threads: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    createThread: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ThreadInput"];
            };
        };
        responses: {
            /** @description The client_id was seen before; the first answer again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadWritten"];
                };
            };
            /** @description Opened. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getThread: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thread as now read. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        thread: components["schemas"]["Thread"];
                        items: components["schemas"]["ThreadPost"][];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    postToThread: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /** Format: uuid */
                    client_id?: string;
                };
            };
        };
        responses: {
            /** @description The client_id was seen before; the first answer again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadWritten"];
                };
            };
            /** @description Written. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadWritten"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listSurveys: {
        parameters: {
            query?: {
                open?: "true" | "false";
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: (components["schemas"]["StaffSurvey"] | components["schemas"]["FamilySurvey"])[];
                        next_cursor: components["schemas"]["NextCursor"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
        };
    };
    createSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SurveyInput"];
            };
        };
        responses: {
            /** @description A retry of an earlier `client_id`; the first answer, nothing changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentSurvey"];
                };
            };
            /** @description Sent. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentSurvey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The survey. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        survey: components["schemas"]["StaffSurvey"] | components["schemas"]["FamilySurvey"];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    closeSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The closed survey. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        survey: components["schemas"]["StaffSurvey"];
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    answerSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    answers: components["schemas"]["SurveyAnswers"];
                };
            };
        };
        responses: {
            /** @description Saved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        response: components["schemas"]["SurveyResponse"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    surveyResults: {
        parameters: {
            query?: {
                format?: "json" | "csv" | "xlsx";
                /** @description Only with `format=csv`. */
                encoding?: "utf-8" | "shift_jis";
            };
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The results. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SurveyResults"];
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    remindSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reminded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        families: number;
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                from?: components["schemas"]["Date"];
                to?: components["schemas"]["Date"];
                facility_id?: string;
                kind?: components["schemas"]["EventKind"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Event"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    createEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventInput"];
            };
        };
        responses: {
            /** @description A retry of an earlier `client_id`; the first answer, nothing changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventAnswer"];
                };
            };
            /** @description Added. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventAnswer"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    cancelEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventPatch"];
            };
        };
        responses: {
            /** @description Changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    eventIcs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 5545, one VEVENT. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    listApplications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Confirmed by application time, the waitlist in order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        confirmed: components["schemas"]["Application"][];
                        waitlisted: components["schemas"]["Application"][];
                        seats_taken: number;
                        capacity: number | null;
                    };
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    applyForCourse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    child_ids: string[];
                    /** Format: uuid */
                    client_id?: string;
                };
            };
        };
        responses: {
            /** @description A retry of an earlier `client_id`; the first answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationAnswer"];
                };
            };
            /** @description Applied. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationAnswer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    attendancePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Pdf"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    cancelApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthenticated"];
            404: components["responses"]["NotFound"];
        };
    };
    myCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeed"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    replaceCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeed"];
                };
            };
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
        };
    };
    calendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `<token>.ics`, the file of a link from `GET /me/calendar`. */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    moveTestClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description The new time (RFC 3339).
                     */
                    at?: string;
                    /** @description How far to move on. */
                    advance_ms?: number;
                };
            };
        };
        responses: {
            /** @description The clock's new time, after the jobs ran at it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description UTC with milliseconds: 2027-06-10T06:15:00.250Z
                         */
                        now: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            /** @description conflict — `at` lies before the clock's time; the clock never runs backwards (fields.at says its time). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
