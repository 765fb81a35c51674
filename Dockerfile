# The production image: built once, started many times. Dependencies are installed and static files collected here,
# at build time; the containers only run (see docker-compose.yml and README.md, "Deploying with Docker Compose").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings

WORKDIR /app

# Dependencies first, from pyproject.toml alone, so a code change reuses this layer.
COPY pyproject.toml .
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The code runs from /app (manage.py, templates/ and static/ live beside the packages), not from site-packages.
COPY . .
RUN python manage.py collectstatic --no-input -v0 \
    && useradd --system --uid 10001 --no-create-home --home-dir /app ministerial

USER ministerial
EXPOSE 8000
CMD ["gunicorn", "-c", "gunicorn.conf.py", "config.wsgi"]
