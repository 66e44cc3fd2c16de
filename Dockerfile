# One image for web, worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 ASOEN_VAR_DIR=/app/var

# WeasyPrint's Pango/HarfBuzz, and Times-metric fonts that cover Vietnamese for the PDF
# (fonts-liberation2, not fonts-liberation 1.x, which lacks Vietnamese letters).
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
      fonts-croscore fonts-liberation2 curl \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml ./
# Install the dependencies first so code changes don't rebuild this layer.
RUN python -c 'import tomllib, subprocess, sys; deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]; subprocess.check_call([sys.executable, "-m", "pip", "install", "--no-cache-dir", *deps])'
# .dockerignore keeps .env, var/ (data and uploads), .git and local environments out.
COPY . .
RUN pybabel compile --domain django --directory locale \
 && DEBUG=0 SECRET_KEY=build-only python manage.py collectstatic --noinput

# The processes run as an unprivileged user: the code stays root-owned (read-only to them),
# only var/ (media, broker folder, cache) is theirs to write.
RUN useradd --create-home --uid 10001 asoen && mkdir -p /app/var && chown -R asoen /app/var
USER asoen
EXPOSE 8000
CMD ["gunicorn", "asoen_portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
