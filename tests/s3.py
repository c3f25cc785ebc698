"""A real S3 HTTP endpoint on loopback for the tests: moto in server mode, in this process's
own thread, reached by django-storages and boto3 over HTTP like any S3 service."""

import boto3
import requests
from moto.server import ThreadedMotoServer

BUCKET = "vertrouwen-test"
REGION = "eu-west-1"
CREDENTIALS = {"access_key": "testing", "secret_key": "testing"}  # moto accepts any


class S3Endpoint:
    def __init__(self):
        # Port 0: the system picks a free port when the server binds, so parallel test
        # processes never race for one.
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self.url = None

    def start(self):
        self.server.start()
        host, port = self.server.get_host_and_port()
        self.url = f"http://{host}:{port}"
        # Every moto server of a process shares one in-memory state: start from an empty one,
        # whatever an earlier endpoint of this test process left.
        requests.post(f"{self.url}/moto-api/reset", timeout=10).raise_for_status()
        self.client().create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        return self

    def stop(self):
        self.server.stop()

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["access_key"],
            aws_secret_access_key=CREDENTIALS["secret_key"],
        )

    def storage_settings(self):
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": self.url,
                "region_name": REGION,
                "file_overwrite": False,
                **CREDENTIALS,
            },
        }

    def objects(self):
        """Every object in the bucket: {key: bytes}."""
        client = self.client()
        listing = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
        return {
            item["Key"]: client.get_object(Bucket=BUCKET, Key=item["Key"])["Body"].read()
            for item in listing
        }
