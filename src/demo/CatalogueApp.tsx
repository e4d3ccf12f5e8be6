import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Configurator } from '../react/components/Configurator.tsx';
import { catalogueQuery } from '../react/queries/catalogueQuery.ts';
import { modelQuery } from '../react/queries/modelQuery.ts';

/** The product id in the URL hash (`#/DESK`), so a chosen product survives a reload. */
function useHashProduct(): string | undefined {
  const read = () => decodeURIComponent(window.location.hash.replace(/^#\/?/, '')) || undefined;
  const [product, setProduct] = useState(read);
  useEffect(() => {
    const onHash = () => setProduct(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return product;
}

/** The demo shop: the catalogue, and the widget for the chosen product. */
export function CatalogueApp({ catalogueUrl }: { catalogueUrl: string }) {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <main className="demo">
        <h1>Madeto demo catalogue</h1>
        <Catalogue url={catalogueUrl} />
      </main>
    </QueryClientProvider>
  );
}

function Catalogue({ url }: { url: string }) {
  const catalogue = useQuery(catalogueQuery(url));
  const productId = useHashProduct();
  if (catalogue.isPending) return <p role="status">Loading the catalogue…</p>;
  if (catalogue.isError)
    return (
      <p role="alert">
        The catalogue could not be loaded: {catalogue.error.message}{' '}
        <button type="button" onClick={() => void catalogue.refetch()}>
          Retry
        </button>
      </p>
    );
  const product = catalogue.data.products.find((p) => p.id === productId);
  return (
    <>
      <nav aria-label="Products">
        <ul className="demo-products">
          {catalogue.data.products.map((p) => (
            <li key={p.id}>
              <a href={`#/${p.id}`} aria-current={p.id === productId ? 'page' : undefined}>
                {p.image && <img src={p.image} alt="" />}
                <strong>{p.name}</strong>
                {p.description && <p>{p.description}</p>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {product ? (
        <ProductWidget key={product.id} url={product.model} />
      ) : (
        <p>Choose a product to configure it.</p>
      )}
    </>
  );
}

function ProductWidget({ url }: { url: string }) {
  const model = useQuery(modelQuery(url));
  if (model.isPending) return <p role="status">Loading the product…</p>;
  if (model.isError)
    return (
      <p role="alert">
        This product could not be loaded: {model.error.message}{' '}
        <button type="button" onClick={() => void model.refetch()}>
          Retry
        </button>
      </p>
    );
  return (
    <div className="demo-widget">
      <Configurator model={model.data} />
    </div>
  );
}
