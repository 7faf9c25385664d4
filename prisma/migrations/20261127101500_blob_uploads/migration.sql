-- CreateTable
CREATE TABLE "BlobUpload" (
    "sha256" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlobUpload_pkey" PRIMARY KEY ("sha256","userId")
);

-- CreateIndex
CREATE INDEX "BlobUpload_userId_idx" ON "BlobUpload"("userId");

-- AddForeignKey
ALTER TABLE "BlobUpload" ADD CONSTRAINT "BlobUpload_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "Blob"("sha256") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlobUpload" ADD CONSTRAINT "BlobUpload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: every blob's recorded (first) uploader keeps read access.
INSERT INTO "BlobUpload" ("sha256", "userId", "createdAt")
SELECT "sha256", "uploaderId", "createdAt" FROM "Blob" WHERE "uploaderId" IS NOT NULL
ON CONFLICT DO NOTHING;
