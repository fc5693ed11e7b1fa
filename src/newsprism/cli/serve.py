"""``newsprism serve``: the analyst's web UI and JSON API over a corpus."""

from __future__ import annotations

import ipaddress
import os

import click

from ..codes import Code
from ..errors import ConfigError
from ..store import default_db, open_store
from ._common import settings_from


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


@click.command()
@click.option("--db", default=None, help="Corpus to serve (default: $NEWSPRISM_DB or ./newsprism.db).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but a loopback address exposes the corpus to the network.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="A host name the server answers to in the Host header, besides localhost, 127.0.0.1, [::1] "
                   "and --host (setting allowed_hosts). Repeatable. Other names get 400, against DNS rebinding.")
@click.option("--token-env", default=None, metavar="NAME",
              help="Name of an environment variable holding the bearer token that write actions "
                   "(ingest, entity merge/split) must carry. Without it the server is read-only.")
@click.pass_context
def serve(ctx: click.Context, db: str | None, host: str, port: int, allowed_hosts: tuple[str, ...],
          token_env: str | None) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /openapi.json)."""
    try:
        import uvicorn

        from ..serve.app import create_app
    except ModuleNotFoundError as e:
        # The web server is in the base install (#15): a missing part means a broken or partial install.
        raise click.ClickException(f"the web server needs {e.name}, which is missing: reinstall newsprism "
                                   "(pip install -e . in a checkout); 'newsprism doctor' checks the rest") from e
    token = None
    if token_env:
        token = os.environ.get(token_env) or None
        if token is None or len(token) < 16:
            raise ConfigError(f"--token-env {token_env}: set that environment variable to a token of at least "
                              "16 characters", code=Code.WEB_TOKEN_TOO_SHORT)
    target = db or default_db()
    if not os.path.exists(target) and not target.startswith(("postgresql://", "postgres://")):
        raise click.ClickException(f"no corpus at {target}; create one with 'newsprism demo' or 'newsprism ingest'")
    if not _is_loopback(host):
        click.echo(f"Warning: listening on {host} makes the corpus reachable from other machines.", err=True)
    names = [*allowed_hosts]
    if _is_wildcard(host):  # "0.0.0.0" is nobody's name: clients use the machine's names, which we cannot guess
        click.echo("Note: requests must name this machine in their Host header as localhost or one of "
                   "--allowed-host; other names get 400.", err=True)
    else:
        names.append(host)
    store = open_store(target, settings=settings_from(ctx))
    app = create_app(store, token=token, settings=settings_from(ctx), allowed_hosts=names)
    click.echo(f"Serving {target} at http://{host}:{port}/ ({'writes need the token' if token else 'read-only'})",
               err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        store.close()
