-- Distribution key (docs/scaling.md): documents live with their verification's subject.
ALTER TABLE verification_documents ADD COLUMN subject_id UUID;
UPDATE verification_documents d SET subject_id = v.subject_id FROM verifications v WHERE v.id = d.verification_id;
ALTER TABLE verification_documents ALTER COLUMN subject_id SET NOT NULL;
